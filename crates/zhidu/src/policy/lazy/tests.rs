//! The lazy builtin set answers as the whole set compiled at once did.

use std::sync::Arc;

use super::super::{PolicySet, builtin};
use super::eager;

/// A value's pretty `Debug` text as a sorted list of lines: equal for equal values whatever
/// order their hash maps iterate in.
fn shape(value: &impl std::fmt::Debug) -> Vec<String> {
    let mut lines: Vec<String> = format!("{value:#?}").lines().map(str::to_owned).collect();
    lines.sort_unstable();
    lines
}

#[test]
fn the_whole_builtin_set_compiles_without_a_diagnostic() {
    let set = eager().unwrap();
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
}

#[test]
fn the_lazy_set_lists_the_ids_of_the_whole_set() {
    let whole = eager().unwrap();
    let lazy = PolicySet::lazy_builtin();
    assert!(lazy.policies.keys().eq(whole.policies.keys()));
    assert!(lazy.calendars.keys().eq(whole.calendars.keys()));
    // Listing compiles nothing.
    assert!(lazy.policy_ids().eq(whole.policy_ids()));
    assert!(lazy.policies.values().all(|slot| slot.get().is_none()));
}

#[test]
fn each_policy_compiled_alone_equals_the_whole_sets() {
    let whole = eager().unwrap();
    let lazy = PolicySet::lazy_builtin();
    for (id, _) in builtin::policies() {
        let one = lazy.policy(id).unwrap();
        let all = whole.policy(id).unwrap();
        assert_eq!(shape(one), shape(all), "{id}");
    }
    for (id, _) in builtin::calendars() {
        let one = lazy.calendar(id).unwrap();
        let all = whole.calendar(id).unwrap();
        assert_eq!(shape(one), shape(all), "{id}");
    }
    // S14 and S2 import from S4: the one S4 compiled, not a copy of it.
    let s4 = lazy.policy_arc("s4-duty-rota").unwrap();
    assert!(Arc::ptr_eq(
        &s4,
        lazy.compiled_policy("s4-duty-rota").unwrap()
    ));
}

#[test]
fn a_policy_is_compiled_once_for_every_thread() {
    let lazy = PolicySet::lazy_builtin();
    let ids: Vec<&str> = lazy.policy_ids().collect();
    let seen: Vec<Vec<usize>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let (lazy, ids) = (&lazy, &ids);
                scope.spawn(move || {
                    // Each thread asks in its own order, so that several race for a policy.
                    let mut order: Vec<&str> = ids.clone();
                    order.rotate_left(t % ids.len().max(1));
                    if t % 2 == 1 {
                        order.reverse();
                    }
                    let mut pointers: Vec<(&str, usize)> = order
                        .iter()
                        .map(|id| (*id, Arc::as_ptr(lazy.compiled_policy(id).unwrap()) as usize))
                        .collect();
                    pointers.sort_unstable();
                    pointers.into_iter().map(|(_, p)| p).collect()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(seen.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn the_builtin_set_is_shared_by_its_clones() {
    let a = PolicySet::builtin()
        .unwrap()
        .policy_arc("s2-service-center")
        .unwrap();
    let b = PolicySet::builtin()
        .unwrap()
        .policy_arc("s2-service-center")
        .unwrap();
    assert!(Arc::ptr_eq(&a, &b));
}

#[test]
fn asking_for_a_policy_while_compiling_it_is_an_error_not_a_wait() {
    let lazy = PolicySet::lazy_builtin();
    let mut chain = vec!["s4-duty-rota".to_owned()];
    assert!(lazy.policy_in_chain("s4-duty-rota", &mut chain).is_err());
    // The slot was not touched: asked for normally, the policy compiles.
    assert_eq!(lazy.policy("s4-duty-rota").unwrap().id(), "s4-duty-rota");
}

#[test]
fn an_unknown_id_names_the_closest_without_compiling() {
    let lazy = PolicySet::lazy_builtin();
    let e = lazy.policy("s2-service-centre").unwrap_err();
    assert_eq!(
        e,
        crate::Error::UnknownPolicy {
            id: "s2-service-centre".to_owned(),
            closest: Some("s2-service-center".to_owned()),
        }
    );
    assert!(lazy.policies.values().all(|slot| slot.get().is_none()));
}
