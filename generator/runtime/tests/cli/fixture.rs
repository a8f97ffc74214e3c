//! The API the tests run: a small hand-written one, shaped as a generated crate's (a client,
//! build functions made with the library's request builder, and the static description).

use atlas_codegen_runtime::cli::{
    from_str, AnswerKind, CliApi, CliBody, CliClient, CliError, CliOperation, CliParameter, CliTag,
    CliVersion, CliWatch, Invocation, Location, WatchValue,
};
use atlas_codegen_runtime::{
    encode_path_segment, ClientConfig, EnvCredentials, EnvNames, RequestBody, RequestSpec,
    RetryPolicy, Transport,
};
use reqwest::Method;
use serde_json::Value;

pub struct TestClient(Transport);

impl CliClient for TestClient {
    fn default_config() -> ClientConfig {
        ClientConfig::new("http://127.0.0.1:9").retry(RetryPolicy::none())
    }
    fn connect(config: ClientConfig) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(Transport::new(config)?))
    }
    fn transport(&self) -> &Transport {
        &self.0
    }
}

pub const V1: &str = "application/vnd.atlas.2023-01-01+json";
pub const V2: &str = "application/vnd.atlas.2024-08-05+json";
const CLUSTER_PATH: &str = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}";

fn text(invocation: &Invocation, name: &'static str) -> Result<String, CliError> {
    invocation.required(name, from_str::<String>)
}

fn cluster_path(invocation: &Invocation) -> Result<String, CliError> {
    let group = encode_path_segment(&text(invocation, "groupId")?);
    let cluster = encode_path_segment(&text(invocation, "clusterName")?);
    Ok(format!("/api/atlas/v2/groups/{group}/clusters/{cluster}"))
}

fn build_get_cluster(_: &TestClient, invocation: &Invocation) -> Result<RequestSpec, CliError> {
    let accept = if invocation.version() == "2024-08-05" {
        V2
    } else {
        V1
    };
    Ok(RequestSpec::new(
        Method::GET,
        "getCluster",
        CLUSTER_PATH,
        cluster_path(invocation)?,
        accept,
    ))
}

fn build_list_clusters(_: &TestClient, invocation: &Invocation) -> Result<RequestSpec, CliError> {
    let group = encode_path_segment(&text(invocation, "groupId")?);
    let path = format!("/api/atlas/v2/groups/{group}/clusters");
    let mut spec = RequestSpec::new(
        Method::GET,
        "listClusters",
        "/api/atlas/v2/groups/{groupId}/clusters",
        path,
        V1,
    );
    for tier in invocation.repeated("tier", from_str::<String>)? {
        spec = spec.query("tier", tier);
    }
    Ok(spec)
}

fn build_create_cluster(_: &TestClient, invocation: &Invocation) -> Result<RequestSpec, CliError> {
    let body: Value = invocation.body()?;
    let group = encode_path_segment(&text(invocation, "groupId")?);
    let path = format!("/api/atlas/v2/groups/{group}/clusters");
    let spec = RequestSpec::new(
        Method::POST,
        "createCluster",
        "/api/atlas/v2/groups/{groupId}/clusters",
        path,
        V1,
    );
    Ok(spec.body(RequestBody::json(V1, &body).map_err(CliError::request)?))
}

fn build_download(_: &TestClient, invocation: &Invocation) -> Result<RequestSpec, CliError> {
    let path = format!("{}/logs/mongodb.gz", cluster_path(invocation)?);
    Ok(RequestSpec::new(
        Method::GET,
        "getHostLogs",
        "/logs",
        path,
        "application/gzip",
    ))
}

const GROUP: CliParameter = CliParameter {
    name: "groupId",
    flag: "groupId",
    alias: Some("group-id"),
    location: Location::Path,
    required: true,
    repeated: false,
    help: "The project.",
    values: &[],
    default_env: Some("MONGODB_ATLAS_PROJECT_ID"),
};

const CLUSTER: CliParameter = CliParameter {
    name: "clusterName",
    flag: "clusterName",
    alias: Some("cluster-name"),
    location: Location::Path,
    required: true,
    repeated: false,
    help: "The cluster.",
    values: &[],
    default_env: None,
};

const TIER: CliParameter = CliParameter {
    name: "tier",
    flag: "tier",
    alias: None,
    location: Location::Query,
    required: false,
    repeated: true,
    help: "Only clusters of these tiers.",
    values: &["M10", "M20"],
    default_env: None,
};

static WAIT_IDLE: CliWatch = CliWatch {
    poll: "getCluster",
    arguments: &[],
    field: "stateName",
    success: &["IDLE"],
    failure: &["FAILED"],
};

static WAIT_CREATED: CliWatch = CliWatch {
    poll: "getCluster",
    arguments: &[("clusterName", WatchValue::Answer("name"))],
    field: "stateName",
    success: &["IDLE"],
    failure: &["FAILED"],
};

const fn operation(
    name: &'static str,
    method: &'static str,
    parameters: &'static [CliParameter],
    versions: &'static [CliVersion<TestClient>],
) -> CliOperation<TestClient> {
    CliOperation {
        name,
        alias: None,
        operation_id: name,
        summary: "",
        description: "",
        notes: &[],
        method,
        path: CLUSTER_PATH,
        parameters,
        body: None,
        versions,
        list_field: None,
        watch: None,
        download: None,
    }
}

static CLUSTERS: CliTag<TestClient> = CliTag {
    name: "clusters",
    alias: None,
    about: "Returns, adds and edits clusters. Changes can affect costs.",
    operations: &[
        &CliOperation {
            alias: Some("get-cluster"),
            summary: "Return One Cluster",
            description: "Returns the details of one cluster.",
            notes: &["Deprecated by Atlas; sunset on 2030-01-01."],
            watch: Some(&WAIT_IDLE),
            download: None,
            ..operation(
                "getCluster",
                "GET",
                &[GROUP, CLUSTER],
                &[
                    CliVersion {
                        name: "2023-01-01",
                        accept: V1,
                        answer: AnswerKind::Json,
                        build: build_get_cluster,
                    },
                    CliVersion {
                        name: "2024-08-05",
                        accept: V2,
                        answer: AnswerKind::Json,
                        build: build_get_cluster,
                    },
                ],
            )
        },
        &CliOperation {
            list_field: Some("results"),
            ..operation(
                "listClusters",
                "GET",
                &[GROUP, TIER],
                &[CliVersion {
                    name: "2023-01-01",
                    accept: V1,
                    answer: AnswerKind::Json,
                    build: build_list_clusters,
                }],
            )
        },
        &CliOperation {
            body: Some(CliBody {
                required: true,
                media_type: V1,
            }),
            watch: Some(&WAIT_CREATED),
            download: None,
            ..operation(
                "createCluster",
                "POST",
                &[GROUP],
                &[CliVersion {
                    name: "2023-01-01",
                    accept: V1,
                    answer: AnswerKind::Json,
                    build: build_create_cluster,
                }],
            )
        },
        &operation(
            "getHostLogs",
            "GET",
            &[GROUP, CLUSTER],
            &[CliVersion {
                name: "",
                accept: "application/gzip",
                answer: AnswerKind::Bytes,
                build: build_download,
            }],
        ),
    ],
};

pub static API: CliApi<TestClient> = CliApi {
    binary: "atlas-test",
    about: "A test API.",
    crate_version: "9.8.7",
    tags: &[&CLUSTERS],
    downloads: &[],
    environment: &ATLAS,
};

/// An Atlas crate's environment names, as the generator prints them.
pub static ATLAS: EnvNames = EnvNames {
    prefix: "MONGODB_ATLAS_",
    credentials: &[
        EnvCredentials::ServiceAccount {
            client_id: "MONGODB_ATLAS_CLIENT_ID",
            client_secret: "MONGODB_ATLAS_CLIENT_SECRET",
        },
        EnvCredentials::ApiKey {
            public_key: "MONGODB_ATLAS_PUBLIC_API_KEY",
            private_key: "MONGODB_ATLAS_PRIVATE_API_KEY",
        },
    ],
    access_token: Some("MONGODB_ATLAS_ACCESS_TOKEN"),
    atlas_cli_profiles: true,
};
