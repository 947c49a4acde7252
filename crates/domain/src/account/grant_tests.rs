use super::*;

const ALBA: &str = "ro.passport.alba";
const LITHUANIA: &str = "lt.migration";

fn operator(authority: &str) -> Grantor<'_> {
    Grantor {
        person_id: "op",
        role: Role::Operator,
        authority_id: Some(authority),
    }
}

fn citizen(id: &str) -> Grantee<'_> {
    Grantee {
        person_id: id,
        role: Role::Citizen,
        authority_id: None,
    }
}

fn case(authority: &str, served: bool) -> Option<NamedCase<'_>> {
    Some(NamedCase {
        authority_id: authority,
        holder_person_id: Some("holder"),
        office_served: served,
    })
}

#[test]
fn an_operator_records_a_citizen_for_a_case_of_their_office() {
    assert_eq!(
        power_of_attorney(operator(ALBA), "holder", citizen("agent"), case(ALBA, true)),
        Ok(())
    );
}

#[test]
fn nobody_names_themselves() {
    assert_eq!(
        power_of_attorney(operator(ALBA), "holder", citizen("op"), case(ALBA, true)),
        Err(GrantRefusal::SelfGrant)
    );
    assert_eq!(
        power_of_attorney(operator(ALBA), "op", citizen("agent"), case(ALBA, true)),
        Err(GrantRefusal::SelfGrant)
    );
    assert_eq!(
        guardianship(operator(ALBA), "op"),
        Err(GrantRefusal::SelfGrant)
    );
    assert_eq!(
        identity_check(operator(ALBA), citizen("op")),
        Err(GrantRefusal::SelfGrant)
    );
}

#[test]
fn a_case_of_another_office_or_authority_is_out_of_reach() {
    for named in [case(ALBA, false), case(LITHUANIA, true), None] {
        assert_eq!(
            power_of_attorney(operator(ALBA), "holder", citizen("agent"), named),
            Err(GrantRefusal::CaseOutOfReach)
        );
    }
}

#[test]
fn the_principal_is_the_holder_of_the_case() {
    assert_eq!(
        power_of_attorney(
            operator(ALBA),
            "someone",
            citizen("agent"),
            case(ALBA, true)
        ),
        Err(GrantRefusal::NotTheHolder)
    );
}

#[test]
fn staff_of_the_authority_are_never_representatives_on_its_cases() {
    for (role, authority) in [
        (Role::Operator, Some(ALBA)),
        (Role::Supervisor, Some(ALBA)),
        (Role::Administrator, None),
    ] {
        let colleague = Grantee {
            person_id: "colleague",
            role,
            authority_id: authority,
        };
        assert_eq!(
            power_of_attorney(operator(ALBA), "holder", colleague, case(ALBA, true)),
            Err(GrantRefusal::StaffRepresentative),
            "{role:?}"
        );
    }
    let elsewhere = Grantee {
        person_id: "elsewhere",
        role: Role::Operator,
        authority_id: Some(LITHUANIA),
    };
    assert_eq!(
        power_of_attorney(operator(ALBA), "holder", elsewhere, case(ALBA, true)),
        Ok(())
    );
}

#[test]
fn an_operator_does_not_check_a_colleague_and_citizens_grant_nothing() {
    let colleague = Grantee {
        person_id: "colleague",
        role: Role::Operator,
        authority_id: Some(ALBA),
    };
    assert_eq!(
        identity_check(operator(ALBA), colleague),
        Err(GrantRefusal::StaffRepresentative)
    );
    let supervisor = Grantor {
        person_id: "sup",
        role: Role::Supervisor,
        authority_id: Some(ALBA),
    };
    assert_eq!(identity_check(supervisor, colleague), Ok(()));
    let plain = Grantor {
        person_id: "c",
        role: Role::Citizen,
        authority_id: None,
    };
    assert_eq!(guardianship(plain, "x"), Err(GrantRefusal::NotStaff));
}
