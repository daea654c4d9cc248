//! Finds the line and column of a key path in the YAML source, on demand.
//!
//! serde_yaml exposes positions only on errors, and stamps any error raised inside a visitor
//! with the position of the event being read. So the probe walks the event stream along the
//! key path and fails on purpose at the target: the error's location is the target's. This
//! costs one extra parse per reported problem and nothing when the description is valid.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::{KeyPath, Location, Segment, Target};

/// Written into the probe's own error, so it is not mistaken for a real one.
const MARK: &str = "codegen-locate-probe";

/// The position of the key or value at `path`; for a key written more than once,
/// `occurrence` picks which (1 is the first).
pub(crate) fn locate(
    source: &str,
    path: &KeyPath,
    target: Target,
    occurrence: usize,
) -> Option<Location> {
    let probe = Probe {
        rest: path.segments(),
        target,
        occurrence,
    };
    let error = probe
        .deserialize(serde_yaml::Deserializer::from_str(source))
        .err()?;
    if !error.to_string().contains(MARK) {
        return None;
    }
    error.location().map(|at| Location {
        line: at.line(),
        column: at.column(),
    })
}

struct Probe<'p> {
    rest: &'p [Segment],
    target: Target,
    occurrence: usize,
}

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.rest.is_empty() {
            return deserializer.deserialize_any(FailHere);
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Segment::Key(want), tail)) = self.rest.split_first() else {
            return drain_map(map);
        };
        let fail_on_key =
            (tail.is_empty() && self.target == Target::Key).then_some(self.occurrence);
        let mut seen = 0;
        while let Some(matched) = map.next_key_seed(KeySeed {
            want,
            fail_on: fail_on_key,
            seen: &mut seen,
        })? {
            let descend = matched
                && if tail.is_empty() {
                    seen == self.occurrence
                } else {
                    seen == 1
                };
            if descend {
                map.next_value_seed(Probe {
                    rest: tail,
                    target: self.target,
                    occurrence: self.occurrence,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Segment::Index(want), tail)) = self.rest.split_first() else {
            return drain_seq(seq);
        };
        let mut index = 0;
        loop {
            let more = if index == *want {
                seq.next_element_seed(Probe {
                    rest: tail,
                    target: self.target,
                    occurrence: self.occurrence,
                })?
            } else {
                seq.next_element::<IgnoredAny>()?.map(|_| ())
            };
            if more.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Compares a mapping key with the wanted one, failing at the chosen occurrence.
struct KeySeed<'a> {
    want: &'a str,
    fail_on: Option<usize>,
    seen: &'a mut usize,
}

impl KeySeed<'_> {
    fn check<E: de::Error>(self, text: &str) -> Result<bool, E> {
        if text != self.want {
            return Ok(false);
        }
        *self.seen += 1;
        if self.fail_on == Some(*self.seen) {
            return Err(E::custom(MARK));
        }
        Ok(true)
    }
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<bool, E> {
        self.check(&value.to_string())
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<bool, E> {
        self.check(&value.to_string())
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<bool, E> {
        self.check(&value.to_string())
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<bool, E> {
        self.check(&value.to_string())
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<bool, E> {
        self.check(value)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        self.check("null")
    }
    fn visit_none<E: de::Error>(self) -> Result<bool, E> {
        self.check("null")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<bool, A::Error> {
        drain_seq(seq).map(|()| false)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<bool, A::Error> {
        drain_map(map).map(|()| false)
    }
}

/// Fails on whatever value comes next: the error carries that value's position.
struct FailHere;

impl<'de> Visitor<'de> for FailHere {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MARK)
    }
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "\
api:
  name: Demo
resources:
  task:
    fields:
      status: { type: TaskStatsu, required: true }
    examples:
      - a
      - b
  task: again
";

    fn at(path: KeyPath, target: Target, occurrence: usize) -> Option<(usize, usize)> {
        locate(SOURCE, &path, target, occurrence).map(|l| (l.line, l.column))
    }

    #[test]
    fn finds_values_keys_and_repeats() {
        let task = KeyPath::root().key("resources").key("task");
        let ty = task.key("fields").key("status").key("type");
        assert_eq!(at(ty.clone(), Target::Value, 1), Some((6, 23)));
        assert_eq!(at(ty, Target::Key, 1), Some((6, 17)));
        assert_eq!(
            at(task.key("examples").index(1), Target::Value, 1),
            Some((9, 9))
        );
        assert_eq!(at(task.clone(), Target::Key, 1), Some((4, 3)));
        assert_eq!(at(task, Target::Key, 2), Some((10, 3)));
    }

    #[test]
    fn missing_paths_have_no_location() {
        let missing = KeyPath::root().key("resources").key("run");
        assert_eq!(at(missing, Target::Key, 1), None);
        assert_eq!(
            locate("a: [\nb: 1\n", &KeyPath::root().key("b"), Target::Value, 1),
            None
        );
    }
}
