#!/usr/bin/env python3
"""Build tests/corpus/atlas-answers.jsonl from recorded MongoDB Atlas Admin API traffic.

Sources (each is a bare git directory, read with `git`, no work tree needed):

  --tf GITDIR   github.com/mongodb/terraform-provider-mongodbatlas (MPL-2.0)
                Mock-test recordings `internal/**/testdata/*.yaml` (keys: variables, steps[].request_responses[]).
  --cli GITDIR  github.com/mongodb/mongodb-atlas-cli (Apache-2.0)       [optional]
                E2E snapshots `test/e2e/**/.snapshots/**/<METHOD>_<path with / and : as _>_<n>.snaphost`,
                each a raw HTTP response dump (status line, headers, body).

Every blob ever committed to those paths in the history of HEAD is read (not only the HEAD tree).
The `source` field is the file path; if that exact file content is not the one in HEAD, "@<commit>" is
appended, <commit> being the first commit (in HEAD's history) that introduced that content at that path.
Both repos' data paths are disjoint (internal/... vs test/e2e/...), so the path tells the repo.

Usage:
  python3 extract.py --spec atlas-admin-v2.yaml --tf TF_GITDIR [--cli CLI_GITDIR] \
      --out atlas-answers.jsonl [--stats stats.json]

Deterministic: same inputs -> byte-identical output. Requires PyYAML.
"""
import argparse
import collections
import json
import re
import subprocess
import sys

import yaml

try:
    YLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    YLoader = yaml.SafeLoader

PER_OP_CAP = 60          # max answers per operationId
PER_OP_MIN = 5           # answers every operation keeps (if it has them) whatever their size
SIZE_BUDGET = 6_000_000  # bytes, whole output file
EMPTY_KEEP_MAX = 12      # "a handful" of empty-body answers whose spec response has no content
HTTP_METHODS = ("get", "put", "post", "patch", "delete", "head", "options")
VERSION_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")


# --------------------------------------------------------------------------- spec
class Spec:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=YLoader)
        comp_resp = (doc.get("components") or {}).get("responses") or {}
        self.ops = []
        for tpl, item in doc["paths"].items():
            for method, op in item.items():
                if method.lower() not in HTTP_METHODS:
                    continue
                responses = {}
                for code, r in (op.get("responses") or {}).items():
                    if "$ref" in r:
                        r = comp_resp.get(r["$ref"].rsplit("/", 1)[-1], {})
                    # Atlas marks body-less answers with a media type that has no schema
                    responses[str(code)] = any(isinstance(mt, dict) and "schema" in mt
                                               for mt in (r.get("content") or {}).values())
                segs = tpl.strip("/").split("/")
                literal = sum(1 for s in segs if "{" not in s)
                names = re.findall(r"\{([^}]+)\}", tpl)
                self.ops.append({
                    "method": method.upper(), "template": tpl, "operationId": op.get("operationId"),
                    "responses": responses, "literal": literal, "names": names,
                    # slash form: a {param} is one non-empty segment
                    "rx": re.compile("^" + self._rx(tpl, "[^/]+", slash=True) + "$"),
                    # CLI file-name form ('/' and ':' flattened to '_'); strict then lenient params
                    "rx_flat_strict": re.compile("^" + self._rx(tpl.lstrip("/"), "[^_/]+", slash=False) + "$"),
                    "rx_flat_loose": re.compile("^" + self._rx(tpl.lstrip("/"), "[^/]+?", slash=False) + "$"),
                })

    @staticmethod
    def _rx(tpl, param_rx, slash):
        out = []
        for part in re.split(r"(\{[^}]+\})", tpl):
            if not part:
                continue
            if part.startswith("{"):
                out.append("(" + param_rx + ")")
            else:
                lit = part if slash else part.replace("/", "_").replace(":", "_")
                out.append(re.escape(lit))
        return "".join(out)

    def match(self, method, path):
        """Match a concrete request path (no query). Most literal segments wins."""
        best = None
        for op in self.ops:
            if op["method"] == method and op["rx"].match(path):
                if best is None or op["literal"] > best["literal"]:
                    best = op
        return best

    def match_flat(self, method, flat):
        """Match a CLI snapshot name (path with '/' and ':' replaced by '_'); returns (op, concrete path)."""
        for key in ("rx_flat_strict", "rx_flat_loose"):
            best = None
            for op in self.ops:
                if op["method"] != method:
                    continue
                m = op[key].match(flat)
                if m and (best is None or op["literal"] > best[0]["literal"]):
                    concrete = op["template"]
                    for name, val in zip(op["names"], m.groups()):
                        concrete = concrete.replace("{" + name + "}", val, 1)
                    best = (op, concrete)
            if best:
                return best
        return None, None


# --------------------------------------------------------------------------- git helpers
def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], check=True,
                          capture_output=True).stdout


class BlobReader:
    def __init__(self, gitdir):
        self.p = subprocess.Popen(["git", "--git-dir", gitdir, "cat-file", "--batch"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def read(self, sha):
        self.p.stdin.write(sha.encode() + b"\n")
        self.p.stdin.flush()
        header = self.p.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            return None
        size = int(header[2])
        data = self.p.stdout.read(size)
        self.p.stdout.read(1)  # trailing LF
        return data

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def history_blobs(gitdir, pathspecs, keep):
    """(path, blob, first commit introducing it, in_head) for every version in HEAD's history."""
    out = git(gitdir, "log", "HEAD", "--reverse", "--raw", "--no-abbrev", "--no-renames",
              "--format=C %H", "--", *pathspecs).decode()
    head = {}
    for line in git(gitdir, "ls-tree", "-r", "HEAD", "--", *[p.split("*")[0] for p in pathspecs]).decode().splitlines():
        meta, path = line.split("\t", 1)
        head[path] = meta.split()[2]
    seen = {}
    commit = None
    for line in out.splitlines():
        if line.startswith("C "):
            commit = line[2:]
        elif line.startswith(":"):
            meta, path = line.split("\t", 1)
            blob = meta.split()[3]
            if set(blob) == {"0"} or not keep(path):
                continue
            seen.setdefault((path, blob), commit)
    rows = [(p, b, c, head.get(p) == b) for (p, b), c in seen.items()]
    # make sure HEAD blobs are present even if the log walk missed them (e.g. grafted history)
    for p, b in head.items():
        if keep(p) and (p, b) not in seen:
            rows.append((p, b, None, True))
    return rows


def source_name(path, commit, in_head):
    return path if in_head else f"{path}@{commit}"


# --------------------------------------------------------------------------- extractors
def extract_tf(gitdir, spec, stats):
    def keep(p):
        # internal/testutil/ holds the tests of the provider's own mock transport: hand-edited
        # answers (a list answering a GET of one policy, `{"expect": "returned again"}`), not
        # recordings of Atlas.
        return (p.endswith((".yaml", ".yml")) and "/testdata/" in p and p.startswith("internal/")
                and not p.startswith("internal/testutil/"))
    rows = history_blobs(gitdir, ["internal/*testdata*"], keep)
    reader = BlobReader(gitdir)
    answers = []
    for path, blob, commit, in_head in sorted(rows, key=lambda r: (r[0], r[1])):
        data = reader.read(blob)
        if path.endswith(".tmpl.yaml"):
            # templated hand-made mocks: response text is a file name, ids are fake
            stats["tf_skipped_template_files"] += 1
            continue
        try:
            doc = yaml.load(data.decode("utf-8"), Loader=YLoader)
        except Exception:
            stats["tf_unparseable_files"] += 1
            continue
        if not isinstance(doc, dict) or "steps" not in doc:
            stats["tf_not_recording_files"] += 1
            continue
        stats["tf_files"] += 1
        variables = {k: str(v) for k, v in (doc.get("variables") or {}).items()}
        src = source_name(path, commit, in_head)
        pos = 0
        for step in doc.get("steps") or []:
            for rr in step.get("request_responses") or []:
                tpath = rr.get("path", "")
                concrete = tpath
                for k, v in variables.items():
                    concrete = concrete.replace("{" + k + "}", v)
                concrete = concrete.split("?", 1)[0].rstrip("/")
                method = str(rr.get("method", "")).upper()
                version = rr.get("version") or None
                for resp in rr.get("responses") or []:
                    position = pos
                    pos += 1
                    stats["tf_recorded_answers"] += 1
                    op = spec.match(method, concrete)
                    if op is None:
                        stats["unmatched_requests"] += 1
                        stats["unmatched_examples"][f"{method} {tpath}"] += 1
                        continue
                    answers.append({
                        "source": src, "operationId": op["operationId"], "method": method,
                        "path": concrete, "template": op["template"],
                        "version": str(version) if version else None,
                        "status": int(resp["status"]), "contentType": None,
                        "body": resp.get("text") or "",
                        "_pos": position, "_op": op, "_repo": "tf",
                    })
    reader.close()
    return answers


NAME_RE = re.compile(r"^([A-Z]+)_+(.*)_(\d+)$")


def parse_http_dump(data):
    """Split a raw HTTP response dump into (status, headers dict(lowercase->value), body bytes)."""
    i_lf, i_crlf = data.find(b"\n\n"), data.find(b"\r\n\r\n")
    cands = [(i, 2) for i in [i_lf] if i >= 0] + [(i, 4) for i in [i_crlf] if i >= 0]
    if not cands:
        head, body = data, b""
    else:
        i, n = min(cands)
        head, body = data[:i], data[i + n:]
    lines = head.decode("latin-1").replace("\r\n", "\n").split("\n")
    m = re.match(r"^HTTP/\S+\s+(\d{3})", lines[0])
    if not m:
        return None, None, None
    headers = {}
    for ln in lines[1:]:
        if ":" in ln:
            k, v = ln.split(":", 1)
            headers.setdefault(k.strip().lower(), v.strip())
    return int(m.group(1)), headers, body


def extract_cli(gitdir, spec, stats):
    def keep(p):
        return p.endswith(".snaphost") and p.startswith("test/e2e/")
    rows = history_blobs(gitdir, ["test/e2e/*.snaphost"], keep)
    reader = BlobReader(gitdir)
    answers = []
    for path, blob, commit, in_head in sorted(rows, key=lambda r: (r[0], r[1])):
        stats["cli_recorded_answers"] += 1
        base = path.rsplit("/", 1)[-1][: -len(".snaphost")]
        m = NAME_RE.match(base)
        if not m:
            stats["unmatched_requests"] += 1
            stats["cli_hashed_names"] += 1
            stats["unmatched_examples"]["<hashed snapshot name>"] += 1
            continue
        method, flat = m.group(1), m.group(2)
        op, concrete = spec.match_flat(method, flat)
        if op is None:
            stats["unmatched_requests"] += 1
            stats["unmatched_examples"][f"{method} {re.sub(r'[0-9a-f]{24}', '<id>', flat)}"] += 1
            continue
        data = reader.read(blob)
        status, headers, body = parse_http_dump(data)
        if status is None:
            stats["cli_unparseable_files"] += 1
            continue
        ctype = headers.get("content-type")
        if "chunked" in headers.get("transfer-encoding", ""):
            stats["cli_chunked_skipped"] += 1
            continue
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            stats["cli_binary_bodies_skipped"] += 1
            stats["binary_examples"][f"{op['operationId']} {ctype}"] += 1
            continue
        if ctype and ("gzip" in ctype or "octet-stream" in ctype):
            stats["cli_binary_bodies_skipped"] += 1
            stats["binary_examples"][f"{op['operationId']} {ctype}"] += 1
            continue
        cl = headers.get("content-length")
        if cl is not None and cl.isdigit() and int(cl) != len(body):
            stats["cli_content_length_mismatch"] += 1
        vm = VERSION_RE.search(ctype or "") or VERSION_RE.search(headers.get("x-content-type", ""))
        answers.append({
            "source": source_name(path, commit, in_head), "operationId": op["operationId"],
            "method": method, "path": concrete, "template": op["template"],
            "version": vm.group(1) if vm else None, "status": status, "contentType": ctype,
            "body": text, "_pos": 0, "_op": op, "_repo": "cli",
        })
    reader.close()
    return answers


# --------------------------------------------------------------------------- selection
def spec_has_content(op, status):
    r = op["responses"]
    if str(status) in r:
        return r[str(status)]
    if f"{str(status)[0]}XX" in r:
        return r[f"{str(status)[0]}XX"]
    if "default" in r:
        return r["default"]
    return None  # status not documented


def spread(n):
    """Index order 0..n-1 whose every prefix is spread evenly over the range (van der Corput)."""
    out, seen, k = [], set(), 0
    while len(out) < n and k < 8 * n + 8:
        f, denom, x = 0.0, 1.0, k
        while x:
            denom *= 2
            f += (x & 1) / denom
            x >>= 1
        i = int(f * n)
        if i not in seen:
            seen.add(i)
            out.append(i)
        k += 1
    out += [i for i in range(n) if i not in seen]
    return out


def priority(lst):
    """Priority order of one operation's answers (already sorted): statuses round-robin, errors
    first, each status walked in an evenly spread order; truncated to PER_OP_CAP."""
    by_status = collections.OrderedDict()
    for a in lst:
        by_status.setdefault(a["status"], []).append(a)
    queues = {s: [items[i] for i in spread(len(items))] for s, items in by_status.items()}
    statuses = sorted(queues, key=lambda s: (s < 400, s))
    out = []
    while len(out) < PER_OP_CAP and any(queues.values()):
        for s in statuses:
            if queues[s] and len(out) < PER_OP_CAP:
                out.append(queues[s].pop(0))
    return out


def take(seq, nbytes, allowance):
    """Prefix of seq: always the first PER_OP_MIN, then while cumulative bytes <= allowance."""
    used, out = 0, []
    for a in seq:
        n = nbytes[id(a)]
        if len(out) >= PER_OP_MIN and used + n > allowance:
            break
        out.append(a)
        used += n
    return out, used


def line_of(a):
    keys = ["source", "operationId", "method", "path", "template", "version", "status", "contentType", "body"]
    return json.dumps({k: a[k] for k in keys}, ensure_ascii=True) + "\n"


def select(answers, stats):
    order = lambda a: (a["operationId"], a["source"], a["_pos"])  # noqa: E731
    answers.sort(key=order)
    # 1. dedupe (operationId, status, body), keep first in sorted order
    seen, uniq = set(), []
    for a in answers:
        k = (a["operationId"], a["status"], a["body"])
        if k in seen:
            stats["duplicates_dropped"] += 1
            continue
        seen.add(k)
        uniq.append(a)
    # 2. empty bodies
    kept, empties = [], []
    for a in uniq:
        if a["body"] == "":
            if spec_has_content(a["_op"], a["status"]) is False:
                empties.append(a)
            else:
                stats["empty_body_skipped"] += 1
        else:
            kept.append(a)
    # keep a handful of empty-body answers, spread over distinct (method, status)
    empties.sort(key=lambda a: (a["method"], a["status"], a["operationId"], a["source"]))
    by_kind = collections.defaultdict(list)
    for a in empties:
        by_kind[(a["method"], a["status"])].append(a)
    chosen = []
    while len(chosen) < EMPTY_KEEP_MAX and any(by_kind.values()):
        for k in sorted(by_kind):
            if by_kind[k] and len(chosen) < EMPTY_KEEP_MAX:
                chosen.append(by_kind[k].pop(0))
    stats["empty_body_kept"] = len(chosen)
    stats["empty_body_skipped"] += len(empties) - len(chosen)
    kept += chosen
    # 3. per-operation cap (PER_OP_CAP, statuses round-robin with errors first, evenly spread picks),
    #    then a byte allowance per operation, equal for all, raised as far as SIZE_BUDGET allows
    #    (operations with small bodies keep up to PER_OP_CAP; ones with huge bodies keep fewer).
    per_op = collections.defaultdict(list)
    for a in kept:
        per_op[a["operationId"]].append(a)
    seqs = {}
    for oid, lst in per_op.items():
        lst.sort(key=order)
        seqs[oid] = priority(lst)
    nbytes = {id(a): len(line_of(a).encode()) for a in kept}

    def total(allow):
        return sum(take(seq, nbytes, allow)[1] for seq in seqs.values())
    lo, hi = 0, sum(nbytes.values())
    while lo < hi:  # largest allowance whose total fits the budget
        mid = (lo + hi + 1) // 2
        if total(mid) <= SIZE_BUDGET:
            lo = mid
        else:
            hi = mid - 1
    stats["per_op_byte_allowance"] = lo
    picked = {oid: take(seq, nbytes, lo)[0] for oid, seq in seqs.items()}
    stats["capped_dropped"] = len(kept) - sum(len(v) for v in picked.values())
    final = [a for lst in picked.values() for a in lst]
    final.sort(key=order)
    return final


# --------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spec", required=True)
    ap.add_argument("--tf", required=True, help="git dir of mongodb/terraform-provider-mongodbatlas")
    ap.add_argument("--cli", help="git dir of mongodb/mongodb-atlas-cli (optional second source)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--stats", help="write counts as JSON here")
    args = ap.parse_args()

    stats = collections.Counter()
    stats["unmatched_examples"] = collections.Counter()
    stats["binary_examples"] = collections.Counter()
    spec = Spec(args.spec)
    commits = {"tf": git(args.tf, "rev-parse", "HEAD").decode().strip()}
    answers = extract_tf(args.tf, spec, stats)
    if args.cli:
        commits["cli"] = git(args.cli, "rev-parse", "HEAD").decode().strip()
        answers += extract_cli(args.cli, spec, stats)
    stats["candidate_answers"] = len(answers)
    final = select(answers, stats)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        for a in final:
            f.write(line_of(a))

    ok = sum(1 for a in final if 200 <= a["status"] < 300)
    summary = {
        "commits": commits, "spec_operations": len(spec.ops),
        "answers": len(final), "operations": len({a["operationId"] for a in final}),
        "success_2xx": ok, "error_4xx_5xx": len(final) - ok,
        "by_status": dict(sorted(collections.Counter(a["status"] for a in final).items())),
        "by_repo": dict(collections.Counter(a["_repo"] for a in final)),
        "operations_by_repo": {r: len({a["operationId"] for a in final if a["_repo"] == r}) for r in ("tf", "cli")},
        "from_head_tree": sum(1 for a in final if "@" not in a["source"]),
        "top_operations": collections.Counter(a["operationId"] for a in final).most_common(20),
        "non_json_bodies": sum(1 for a in final if not _is_json(a["body"])),
        "content_types": dict(collections.Counter(a["contentType"] for a in final).most_common()),
        "bytes": sum(len(line_of(a).encode()) for a in final),
        "stats": {k: (dict(v.most_common()) if isinstance(v, collections.Counter) else v) for k, v in sorted(stats.items())},
    }
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=1)
    print(json.dumps({k: v for k, v in summary.items() if k != "stats"}, indent=1), file=sys.stderr)


def _is_json(s):
    try:
        json.loads(s)
        return True
    except ValueError:
        return False


if __name__ == "__main__":
    main()
