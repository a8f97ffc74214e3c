// @generated: a copy of generator/runtime/src/poll.rs; do not edit by hand.
//! Waiting for a resource to settle: send the same GET again, with a growing pause, until its
//! answer says the work is done (a cluster `IDLE`, a restore job `COMPLETED`) or a deadline
//! passes. Atlas reports long-running work this way rather than with callbacks, so both the
//! library ([`wait_for_state`], [`poll_until`]) and the command line's `--watch` poll; they
//! share the schedule of [`Backoff`].

use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use super::response::ApiResponse;

/// How often and how long to poll.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PollOptions {
    /// The pause after the first answer.
    pub interval: Duration,
    /// The longest pause between two polls.
    pub max_interval: Duration,
    /// What each pause is multiplied by to give the next (`1.0` keeps it constant; values
    /// below `1.0`, NaN and infinities count as `1.0`).
    pub factor: f64,
    /// How long to keep polling before giving up; `None` waits forever.
    pub timeout: Option<Duration>,
}

impl Default for PollOptions {
    /// First pause 2 s, growing by half each time up to 30 s, for at most an hour: Atlas
    /// clusters take minutes to change, and an hour covers the slowest of them.
    fn default() -> Self {
        Self {
            interval: Duration::from_secs(2),
            max_interval: Duration::from_secs(30),
            factor: 1.5,
            timeout: Some(Duration::from_secs(3600)),
        }
    }
}

/// The pauses between polls: [`PollOptions::interval`], then multiplied by the factor each time,
/// capped at [`PollOptions::max_interval`], and cut short so that the last poll happens at the
/// deadline rather than after it.
#[derive(Debug, Clone)]
pub struct Backoff {
    next: Duration,
    max_interval: Duration,
    factor: f64,
    timeout: Option<Duration>,
    started: Instant,
}

impl Backoff {
    /// A schedule starting now.
    pub fn new(options: &PollOptions) -> Self {
        let factor = if options.factor.is_finite() && options.factor >= 1.0 {
            options.factor
        } else {
            1.0
        };
        Self {
            next: options.interval.min(options.max_interval),
            max_interval: options.max_interval,
            factor,
            timeout: options.timeout,
            started: Instant::now(),
        }
    }

    /// How long ago the schedule started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    /// The pause before the next poll; `None` once the deadline has passed (stop polling).
    pub fn next_delay(&mut self) -> Option<Duration> {
        self.next_delay_at(self.elapsed())
    }

    /// As [`Backoff::next_delay`], with the time since the start given rather than measured.
    pub fn next_delay_at(&mut self, elapsed: Duration) -> Option<Duration> {
        let remaining = match self.timeout {
            Some(timeout) => timeout.checked_sub(elapsed).filter(|r| !r.is_zero())?,
            None => Duration::MAX,
        };
        let delay = self.next.min(remaining);
        let grown = Duration::try_from_secs_f64(self.next.as_secs_f64() * self.factor)
            .unwrap_or(self.max_interval);
        self.next = grown.min(self.max_interval);
        Some(delay)
    }
}

/// Why waiting ended without success.
pub enum WaitError<T, E> {
    /// A poll could not be sent or was answered with an error.
    Request(E),
    /// The resource reached one of the failure states.
    Failed {
        /// The state it reached.
        state: String,
        /// The answer that reported it.
        response: ApiResponse<T>,
    },
    /// The deadline passed first.
    TimedOut {
        /// How long polling went on.
        waited: Duration,
        /// The state the last answer reported, when it reported one.
        last_state: Option<String>,
    },
}

// By hand rather than derived: the answer's body is left out, as other errors of the runtime
// leave bodies out (they can hold secrets), so `T` need not be `Debug`.
impl<T, E: fmt::Debug> fmt::Debug for WaitError<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Request(error) => f.debug_tuple("Request").field(error).finish(),
            Self::Failed { state, response } => f
                .debug_struct("Failed")
                .field("state", state)
                .field("status", &response.status())
                .finish_non_exhaustive(),
            Self::TimedOut { waited, last_state } => f
                .debug_struct("TimedOut")
                .field("waited", waited)
                .field("last_state", last_state)
                .finish(),
        }
    }
}

impl<T, E: fmt::Display> fmt::Display for WaitError<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Request(error) => write!(f, "polling failed: {error}"),
            Self::Failed { state, .. } => write!(f, "the resource reached state {state}"),
            Self::TimedOut { waited, last_state } => {
                write!(f, "gave up waiting after {:.1} s", waited.as_secs_f64())?;
                match last_state {
                    Some(state) => write!(f, "; the last state was {state}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl<T, E: std::error::Error + 'static> std::error::Error for WaitError<T, E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Request(error) => Some(error),
            _ => None,
        }
    }
}

/// Sends `send()` until `state` of an answer is one of `success` (that answer is returned) or
/// of `failure`, pausing as [`Backoff`] says between polls.
///
/// ```ignore
/// // Not compiled: the runtime is also copied into generated crates, under another path.
/// let cluster = wait_for_state(
///     || client.get_cluster(group_id, "Cluster0").send(),
///     |cluster: &ClusterDescription| cluster.state_name.as_deref(),
///     &["IDLE"],
///     &["FAILED"],
///     &PollOptions::default(),
/// )
/// .await?;
/// ```
///
/// # Errors
///
/// [`WaitError::Request`] as soon as one poll fails, [`WaitError::Failed`] at a failure state,
/// [`WaitError::TimedOut`] when [`PollOptions::timeout`] passes first.
pub async fn wait_for_state<T, E, F, Fut>(
    mut send: F,
    state: impl Fn(&T) -> Option<&str>,
    success: &[&str],
    failure: &[&str],
    options: &PollOptions,
) -> Result<ApiResponse<T>, WaitError<T, E>>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<ApiResponse<T>, E>>,
{
    let mut backoff = Backoff::new(options);
    loop {
        let response = send().await.map_err(WaitError::Request)?;
        let current = state(response.body()).map(str::to_owned);
        if let Some(reached) = &current {
            if success.contains(&reached.as_str()) {
                return Ok(response);
            }
            if failure.contains(&reached.as_str()) {
                return Err(WaitError::Failed {
                    state: reached.clone(),
                    response,
                });
            }
        }
        pause(&mut backoff, current).await?;
    }
}

/// Sends `send()` until `done` accepts an answer, which is returned, pausing as [`Backoff`]
/// says between polls.
///
/// # Errors
///
/// [`WaitError::Request`] as soon as one poll fails, [`WaitError::TimedOut`] (without a state)
/// when [`PollOptions::timeout`] passes first.
pub async fn poll_until<T, E, F, Fut>(
    mut send: F,
    mut done: impl FnMut(&ApiResponse<T>) -> bool,
    options: &PollOptions,
) -> Result<ApiResponse<T>, WaitError<T, E>>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<ApiResponse<T>, E>>,
{
    let mut backoff = Backoff::new(options);
    loop {
        let response = send().await.map_err(WaitError::Request)?;
        if done(&response) {
            return Ok(response);
        }
        pause(&mut backoff, None).await?;
    }
}

/// Sleeps until the next poll, or reports the timeout.
async fn pause<T, E>(
    backoff: &mut Backoff,
    last_state: Option<String>,
) -> Result<(), WaitError<T, E>> {
    match backoff.next_delay() {
        Some(delay) => {
            tokio::time::sleep(delay).await;
            Ok(())
        }
        None => Err(WaitError::TimedOut {
            waited: backoff.elapsed(),
            last_state,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use reqwest::header::HeaderMap;
    use reqwest::StatusCode;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn the_pause_grows_by_the_factor_up_to_the_cap() {
        let mut backoff = Backoff::new(&PollOptions {
            timeout: None,
            ..PollOptions::default()
        });
        let delays: Vec<f64> = (0..10)
            .map(|_| {
                backoff
                    .next_delay_at(Duration::ZERO)
                    .map_or(-1.0, |d| d.as_secs_f64())
            })
            .collect();
        let expected = [
            2.0, 3.0, 4.5, 6.75, 10.125, 15.1875, 22.78125, 30.0, 30.0, 30.0,
        ];
        for (got, want) in delays.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{delays:?}");
        }
    }

    #[test]
    fn the_last_pause_ends_at_the_deadline_and_then_polling_stops() {
        let mut backoff = Backoff::new(&PollOptions {
            interval: secs(4.0),
            timeout: Some(secs(10.0)),
            ..PollOptions::default()
        });
        assert_eq!(backoff.next_delay_at(secs(0.0)), Some(secs(4.0)));
        assert_eq!(backoff.next_delay_at(secs(8.5)), Some(secs(1.5)));
        assert_eq!(backoff.next_delay_at(secs(10.0)), None);
        assert_eq!(backoff.next_delay_at(secs(11.0)), None);
    }

    #[test]
    fn an_unusable_factor_keeps_the_pause_constant() {
        for factor in [0.5, f64::NAN, f64::INFINITY, -2.0] {
            let mut backoff = Backoff::new(&PollOptions {
                factor,
                ..PollOptions::default()
            });
            backoff.next_delay_at(Duration::ZERO);
            assert_eq!(
                backoff.next_delay_at(Duration::ZERO),
                Some(secs(2.0)),
                "{factor}"
            );
        }
    }

    fn quick() -> PollOptions {
        PollOptions {
            interval: Duration::from_millis(1),
            max_interval: Duration::from_millis(2),
            factor: 2.0,
            timeout: Some(Duration::from_secs(5)),
        }
    }

    fn answers(
        states: &'static [&'static str],
    ) -> impl FnMut() -> std::future::Ready<Result<ApiResponse<&'static str>, std::io::Error>> {
        let mut states = states.iter().copied();
        move || {
            let state = states.next().unwrap_or("STUCK");
            std::future::ready(Ok(ApiResponse::new(
                StatusCode::OK,
                HeaderMap::new(),
                state,
            )))
        }
    }

    fn state<'a>(answer: &'a &'static str) -> Option<&'a str> {
        Some(answer)
    }

    #[tokio::test]
    async fn waiting_ends_at_a_success_state_with_its_answer() {
        let done = wait_for_state(
            answers(&["CREATING", "UPDATING", "IDLE"]),
            state,
            &["IDLE"],
            &["FAILED"],
            &quick(),
        )
        .await
        .unwrap();
        assert_eq!(*done.body(), "IDLE");
    }

    #[tokio::test]
    async fn waiting_fails_at_a_failure_state() {
        let error = wait_for_state(
            answers(&["CREATING", "FAILED"]),
            state,
            &["IDLE"],
            &["FAILED"],
            &quick(),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(&error, WaitError::Failed { state, .. } if state == "FAILED"),
            "{error:?}"
        );
        assert_eq!(error.to_string(), "the resource reached state FAILED");
    }

    #[tokio::test]
    async fn waiting_times_out_with_the_last_state() {
        let options = PollOptions {
            timeout: Some(Duration::from_millis(20)),
            ..quick()
        };
        let error = wait_for_state(answers(&[]), state, &["IDLE"], &["FAILED"], &options)
            .await
            .unwrap_err();
        match error {
            WaitError::TimedOut { waited, last_state } => {
                assert!(waited >= Duration::from_millis(20));
                assert_eq!(last_state.as_deref(), Some("STUCK"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn a_failed_poll_ends_the_wait() {
        let send =
            || std::future::ready(Err::<ApiResponse<()>, _>(std::io::Error::other("refused")));
        let error = poll_until(send, |_| true, &quick()).await.unwrap_err();
        assert_eq!(error.to_string(), "polling failed: refused");
        assert!(std::error::Error::source(&error).is_some());
    }

    #[tokio::test]
    async fn poll_until_returns_the_first_accepted_answer() {
        let mut polls = 0;
        let done = poll_until(
            answers(&["A", "B", "C"]),
            |r| {
                polls += 1;
                *r.body() == "B"
            },
            &quick(),
        )
        .await
        .unwrap();
        assert_eq!((*done.body(), polls), ("B", 2));
    }
}
