//! The OpenAPI document tells what the server does: every refusal an
//! operation can meet is listed, as a problem document; operations for a
//! person name the session cookie; a body's refusals are listed wherever a
//! body is read. `scripts/api-schema` checks the same against a running
//! server with Schemathesis; these keep the rules in the document itself.

use serde_json::Value;

fn document() -> Value {
    serde_json::from_str(&ghiseu_web::openapi_json()).unwrap()
}

/// `value`, or what its `$ref` names in `doc`.
fn resolved<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    match value["$ref"].as_str() {
        Some(reference) => {
            let pointer = reference.strip_prefix('#').unwrap();
            doc.pointer(pointer)
                .unwrap_or_else(|| panic!("{reference} names nothing"))
        }
        None => value,
    }
}

/// Each operation: its method and path, and the operation object.
fn operations(doc: &Value) -> Vec<(String, &Value)> {
    let mut all = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            all.push((format!("{} {path}", method.to_uppercase()), operation));
        }
    }
    all
}

fn statuses(operation: &Value) -> Vec<&str> {
    operation["responses"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn every_refusal_is_a_problem_document() {
    let doc = document();
    for (name, operation) in operations(&doc) {
        for (status, response) in operation["responses"].as_object().unwrap() {
            let response = resolved(&doc, response);
            assert!(
                response["description"].as_str().is_some(),
                "{name} {status}: no description"
            );
            if status.as_str() < "400" {
                continue;
            }
            let content = response["content"].as_object().unwrap_or_else(|| {
                panic!("{name} {status}: no content");
            });
            assert_eq!(
                content.keys().collect::<Vec<_>>(),
                ["application/problem+json"],
                "{name} {status}"
            );
            assert_eq!(
                content["application/problem+json"]["schema"]["$ref"],
                "#/components/schemas/Problem",
                "{name} {status}"
            );
        }
    }
}

#[test]
fn operations_for_a_person_name_the_session_cookie_and_its_refusal() {
    let doc = document();
    let scheme = &doc["components"]["securitySchemes"]["session"];
    assert_eq!(scheme["type"], "apiKey");
    assert_eq!(scheme["in"], "cookie");
    assert_eq!(scheme["name"], "ghiseu_session");
    let mut secured = 0;
    for (name, operation) in operations(&doc) {
        let Some(security) = operation["security"].as_array() else {
            assert!(
                !statuses(operation).contains(&"401") || name.contains("/payments/webhook"),
                "{name} answers 401 but names no security"
            );
            continue;
        };
        secured += 1;
        assert_eq!(security.len(), 1, "{name}");
        assert!(security[0]["session"].is_array(), "{name}");
        assert!(statuses(operation).contains(&"401"), "{name}: no 401");
    }
    assert!(secured >= 20, "only {secured} operations name the session");
}

#[test]
fn a_body_read_lists_its_refusals() {
    let doc = document();
    for (name, operation) in operations(&doc) {
        let Some(body) = operation.get("requestBody") else {
            continue;
        };
        assert_eq!(body["required"], true, "{name}");
        let schema = &body["content"]["application/json"]["schema"];
        assert!(schema.is_object(), "{name}: the body is not JSON");
        let listed = statuses(operation);
        if schema["$ref"] == "#/components/schemas/NoBody" {
            // No body of its own: only the JSON content type is asked for.
            assert!(listed.contains(&"415"), "{name}: no 415");
        } else {
            // Read as JSON: refused when it is not the JSON expected or too large.
            assert!(schema["$ref"].is_string(), "{name}: {schema}");
            for status in ["400", "413"] {
                assert!(listed.contains(&status), "{name}: no {status}");
            }
        }
    }
}

#[test]
fn an_idempotency_key_lists_its_refusals() {
    let doc = document();
    let mut keyed = 0;
    for (name, operation) in operations(&doc) {
        let Some(key) = operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == "Idempotency-Key")
        else {
            continue;
        };
        keyed += 1;
        assert_eq!(key["in"], "header", "{name}");
        assert_eq!(key["schema"]["pattern"], "^[!-~]{1,128}$", "{name}");
        for status in ["400", "409", "422"] {
            assert!(statuses(operation).contains(&status), "{name}: no {status}");
        }
    }
    assert!(
        keyed >= 5,
        "only {keyed} operations take an Idempotency-Key"
    );
}
