//! What the generated example tests share.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Decodes `json` as a `T`, encodes it again and checks that nothing was lost or changed.
#[track_caller]
pub(crate) fn assert_round_trip<T: Serialize + DeserializeOwned>(json: &str) {
    let expected: serde_json::Value = serde_json::from_str(json).expect("the example is not JSON");
    let decoded: T = serde_json::from_str(json).unwrap_or_else(|error| {
        panic!("the example does not decode as {}: {error}", std::any::type_name::<T>())
    });
    let encoded = serde_json::to_value(&decoded).expect("the decoded example does not encode");
    assert_eq!(encoded, expected, "encoding the decoded example changed it");
}
