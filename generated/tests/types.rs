//! Behaviour of the generated types, as a user of the SDK meets them. Hand-written: the
//! generator owns everything in this crate except `tests/`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ittybit::{
    ErrorBody, ErrorKind, EventKind, Order, Retry, Run, RunCreate, RunTask, StatusCode, Task,
    TaskCreate, TaskKind, TaskListParams, TaskStatus, Timestamp, WebhookEndpoint,
};
use serde_json::json;

#[test]
fn every_known_enum_value_round_trips_through_text_and_json() {
    fn check<T>(known: &[T])
    where
        T: Clone + PartialEq + std::fmt::Debug + std::fmt::Display + std::str::FromStr,
        T: serde::Serialize + serde::de::DeserializeOwned,
        <T as std::str::FromStr>::Err: std::fmt::Debug,
    {
        assert!(!known.is_empty());
        for value in known {
            let text = value.to_string();
            assert_eq!(&text.parse::<T>().unwrap(), value);
            let json = serde_json::to_value(value).unwrap();
            assert_eq!(json, serde_json::Value::String(text));
            assert_eq!(&serde_json::from_value::<T>(json).unwrap(), value);
        }
    }
    check(TaskStatus::KNOWN);
    check(TaskKind::KNOWN);
    check(EventKind::KNOWN);
    check(Order::KNOWN);
    check(ErrorKind::KNOWN);
}

#[test]
fn an_unknown_enum_value_decodes_and_encodes_unchanged() {
    let kind: TaskKind = serde_json::from_value(json!("hologram")).unwrap();
    assert_eq!(kind, TaskKind::Unknown("hologram".to_owned()));
    assert_eq!(kind.as_str(), "hologram");
    assert_eq!(serde_json::to_value(&kind).unwrap(), json!("hologram"));
    // Known values never land in the fallback, whichever way they are made.
    assert_eq!(TaskKind::from("adaptive_video"), TaskKind::AdaptiveVideo);
    assert_eq!(
        TaskKind::from("adaptive_video".to_owned()),
        TaskKind::AdaptiveVideo
    );
    assert_eq!(
        "task.failed".parse::<EventKind>().unwrap(),
        EventKind::TaskFailed
    );
    // Values are case-sensitive on the wire.
    assert_eq!(
        TaskStatus::from("Succeeded"),
        TaskStatus::Unknown("Succeeded".to_owned())
    );
}

#[test]
fn error_kinds_carry_their_status_and_documented_message() {
    let body: ErrorBody = serde_json::from_value(json!({
        "kind": "task_not_found",
        "message": "The task does not exist. Verify the task ID."
    }))
    .unwrap();
    assert_eq!(body.kind, ErrorKind::TaskNotFound);
    assert_eq!(body.kind.status(), Some(StatusCode::NOT_FOUND));
    assert_eq!(body.kind.message(), Some(body.message.as_str()));
    assert_eq!(
        ErrorKind::TokenMissing.status(),
        Some(StatusCode::UNAUTHORIZED)
    );
    assert!(ErrorKind::TokenMissing.is_common());
    assert!(!ErrorKind::TaskNotFound.is_common());
    assert_eq!(ErrorKind::KNOWN.len(), 11);
}

#[test]
fn an_unknown_error_kind_still_decodes() {
    let body: ErrorBody =
        serde_json::from_value(json!({"kind": "quota_exceeded", "message": "Slow down."})).unwrap();
    assert_eq!(body.kind, ErrorKind::Unknown("quota_exceeded".to_owned()));
    assert_eq!(body.kind.status(), None);
    assert_eq!(body.kind.description(), None);
    assert_eq!(body.kind.to_string(), "quota_exceeded");
}

#[test]
fn status_codes_know_their_names_and_retry_classes() {
    assert_eq!(StatusCode::DOCUMENTED.len(), 14);
    assert_eq!(StatusCode::NOT_FOUND.to_string(), "404 Not Found");
    assert_eq!(StatusCode::from_u16(429), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(StatusCode::TOO_MANY_REQUESTS.retry(), Retry::Always);
    assert_eq!(StatusCode::SERVICE_UNAVAILABLE.retry(), Retry::Always);
    assert_eq!(StatusCode::INTERNAL_SERVER_ERROR.retry(), Retry::Idempotent);
    assert_eq!(StatusCode::REQUEST_TIMEOUT.retry(), Retry::Idempotent);
    assert_eq!(StatusCode::BAD_REQUEST.retry(), Retry::Never);
    assert!(StatusCode::CREATED.is_success() && StatusCode::ACCEPTED.reason().is_some());
    // Undocumented codes are still status codes, with no name and no retry.
    let teapot = StatusCode::from(418);
    assert_eq!((teapot.reason(), teapot.description()), (None, None));
    assert_eq!(teapot.to_string(), "418");
    assert_eq!(teapot.retry(), Retry::Never);
    assert_eq!(u16::from(teapot), 418);
}

#[test]
fn timestamps_are_unix_seconds_and_convert_to_system_time() {
    let at: Timestamp = serde_json::from_value(json!(1735689825)).unwrap();
    assert_eq!(at.unix_seconds(), 1735689825);
    assert_eq!(
        at.to_system_time(),
        Some(UNIX_EPOCH + Duration::from_secs(1735689825))
    );
    assert_eq!(serde_json::to_value(at).unwrap(), json!(1735689825));
    assert_eq!(
        Timestamp::from(UNIX_EPOCH + Duration::from_millis(1_500)).unix_seconds(),
        1
    );
    // Before the epoch, rounding goes down too: 1.5 s before is -2.
    let before = UNIX_EPOCH - Duration::from_millis(1_500);
    assert_eq!(Timestamp::from_system_time(before).unix_seconds(), -2);
    assert_eq!(
        Timestamp::from_unix_seconds(-2).to_system_time(),
        Some(UNIX_EPOCH - Duration::from_secs(2))
    );
    assert!(Timestamp::now() > at);
    assert!(Timestamp::now().to_system_time().unwrap() <= SystemTime::now());
    // At the ends of `i64`: no panic, and whatever the platform can represent comes back.
    for extreme in [i64::MAX, i64::MIN, i64::MIN + 1] {
        let at = Timestamp::from_unix_seconds(extreme);
        if let Some(time) = at.to_system_time() {
            assert_eq!(Timestamp::from_system_time(time), at);
        }
    }
}

#[test]
fn list_items_with_four_fields_and_full_objects_both_decode() {
    let items: Vec<Task> = serde_json::from_value(json!([
        {"id": "task_abcdefgh12345678", "object": "task", "kind": "video", "status": "succeeded"}
    ]))
    .unwrap();
    assert_eq!(items[0].status, TaskStatus::Succeeded);
    assert_eq!(items[0].created_at, None);

    let full: Task = serde_json::from_value(json!({
        "id": "task_1", "object": "task", "kind": "speech", "status": "processing",
        "run_id": "run_1", "parent_id": null, "progress": 40, "options": {"language": "en"},
        "inputs": [{"url": "https://example.com/a.mp4", "kind": "video", "duration": 12.5}],
        "outputs": [], "metadata": {}, "error": null, "created_by": "key_1",
        "created_at": 1735689825, "started_at": 1735689830, "finished_at": null,
        "updated_at": 1735689886,
        "added_later": "fields the SDK does not know are ignored"
    }))
    .unwrap();
    assert_eq!(full.parent_id, None);
    assert_eq!(full.progress, Some(40));
    assert_eq!(full.inputs.as_ref().unwrap()[0].duration, Some(12.5));
    assert_eq!(full.finished_at, None);
}

#[test]
fn malformed_bodies_are_errors_not_panics() {
    let wrong_type = serde_json::from_value::<Task>(json!({
        "id": "task_1", "object": "task", "kind": "video", "status": 5
    }));
    assert!(wrong_type.unwrap_err().to_string().contains("invalid type"));
    let missing = serde_json::from_value::<Task>(json!({"id": "task_1"}));
    assert!(missing.unwrap_err().to_string().contains("missing field"));
    let string_time = serde_json::from_value::<Timestamp>(json!("2025-01-01"));
    assert!(string_time.is_err());
    assert!(serde_json::from_str::<Vec<Task>>("[{\"id\": ").is_err());
    assert!(serde_json::from_str::<Vec<Task>>("null").is_err());
}

#[test]
fn request_types_send_only_what_was_set() {
    let create = TaskCreate::new("https://example.com/a.mp4", TaskKind::Video).options(
        json!({"width": 1280, "height": 720})
            .as_object()
            .unwrap()
            .clone(),
    );
    assert_eq!(
        serde_json::to_value(&create).unwrap(),
        json!({"url": "https://example.com/a.mp4", "kind": "video", "options": {"width": 1280, "height": 720}})
    );

    let params = TaskListParams::default()
        .status(TaskStatus::Processing)
        .limit(10);
    assert_eq!(
        serde_json::to_value(&params).unwrap(),
        json!({"limit": 10, "status": "processing"})
    );
    assert_eq!(
        serde_json::to_value(TaskListParams::default()).unwrap(),
        json!({})
    );
}

#[test]
fn runs_nest_tasks_recursively() {
    let run = RunCreate::new(vec![RunTask::new(TaskKind::Ingest).next(vec![
        RunTask::new(TaskKind::Video).next(vec![RunTask::new(TaskKind::Thumbnails)]),
    ])]);
    let json = serde_json::to_value(&run).unwrap();
    assert_eq!(json["tasks"][0]["next"][0]["next"][0]["kind"], "thumbnails");
    assert_eq!(serde_json::from_value::<RunCreate>(json).unwrap(), run);

    let decoded: Run = serde_json::from_value(json!({
        "id": "run_1", "object": "run", "status": "waiting", "created_by": "key_abcdefgh12345678"
    }))
    .unwrap();
    assert_eq!(decoded.status, TaskStatus::Waiting);
}

#[test]
fn webhook_topics_are_typed_and_open() {
    let endpoint: WebhookEndpoint = serde_json::from_value(json!({
        "id": "we_1", "object": "webhook_endpoint", "url": "https://example.com/hook",
        "topics": ["task.succeeded", "run.archived"], "status": "disabled"
    }))
    .unwrap();
    let topics = endpoint.topics.unwrap();
    assert_eq!(topics[0], EventKind::TaskSucceeded);
    assert_eq!(topics[1], EventKind::Unknown("run.archived".to_owned()));
    assert_eq!(endpoint.status.unwrap().as_str(), "disabled");
}

#[test]
fn the_api_constants_match_the_description() {
    assert_eq!(ittybit::BASE_URL, "https://api.ittybit.com");
    assert_eq!(ittybit::API_KEY_ENV, "ITTYBIT_API_KEY");
}
