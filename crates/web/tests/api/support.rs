use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use ghiseu_domain::catalogue::Catalogue;
use ghiseu_storage::catalogue_files;
use ghiseu_storage::testing::TestDatabase;
use ghiseu_web::i18n::I18n;
use ghiseu_web::{AppState, Clock, router};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub struct TestApp {
    router: Router,
    pub state: AppState,
    database: TestDatabase,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Asserts an RFC 9457 problem with this status, and returns it.
    pub fn problem(&self, status: u16) -> Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        assert_eq!(self.content_type(), "application/problem+json");
        let problem = self.json();
        assert_eq!(problem["status"], status);
        assert!(problem["type"].as_str().unwrap().starts_with("https://"));
        assert!(!problem["title"].as_str().unwrap().is_empty());
        assert!(
            problem["detail"].as_str().unwrap().len() > 10,
            "a problem says what to do"
        );
        problem
    }
}

impl TestApp {
    /// "Now" is Monday 23 November 2026, 10:00 in Bucharest.
    pub async fn new() -> TestApp {
        let database = TestDatabase::new().await;
        let catalogue = Catalogue::load(&catalogue_files::bundled()).expect("bundled catalogue");
        let clock = Clock::Fixed("2026-11-23T08:00:00Z".parse().unwrap());
        let state = AppState::new(catalogue, database.db.clone(), I18n::new().unwrap(), clock);
        TestApp {
            router: router(state.clone()),
            state,
            database,
        }
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.request(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_with(&self, path: &str, name: &str, value: &str) -> TestResponse {
        self.request(
            Request::get(path)
                .header(name, value)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> TestResponse {
        self.post_raw(path, "application/json", body.to_string())
            .await
    }

    pub async fn post_raw(&self, path: &str, content_type: &str, body: String) -> TestResponse {
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap();
        self.request(request).await
    }

    pub async fn cleanup(self) {
        self.database.cleanup().await;
    }
}
