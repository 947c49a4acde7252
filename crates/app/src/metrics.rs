//! Prometheus metrics, kept in the application state (no global registry).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RemovedLabels {
    /// `superseded` (replaced by a newer scan), `unreferenced` (found by a
    /// sweep: no current scan refers to it) or `partial` (an upload cut short).
    reason: &'static str,
}

type HistogramFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: HistogramFamily,
    /// What the document store held at the last sweep.
    store_objects: Gauge,
    store_bytes: Gauge,
    /// Files removed from the document store by this process.
    store_removals: Family<RemovedLabels, Counter>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// Counts an HTTP request answered, and how long it took.
    pub fn request_answered(&self, method: &'static str, route: String, status: u16, seconds: f64) {
        let labels = RequestLabels {
            method,
            route: route.clone(),
            status,
        };
        self.requests.get_or_create(&labels).inc();
        self.durations
            .get_or_create(&RouteLabels { route })
            .observe(seconds);
    }

    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("ghiseu");
        let requests = Family::<RequestLabels, Counter>::default();
        let durations: HistogramFamily = Family::new_with_constructor(latency_histogram);
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer HTTP requests",
            durations.clone(),
        );
        let store_objects = Gauge::default();
        let store_bytes = Gauge::default();
        let store_removals = Family::<RemovedLabels, Counter>::default();
        registry.register(
            "document_store_objects",
            "Scans in the document store, as its last sweep counted them",
            store_objects.clone(),
        );
        registry.register(
            "document_store_bytes",
            "Bytes of scans in the document store, as its last sweep counted them",
            store_bytes.clone(),
        );
        registry.register(
            "document_store_removed",
            "Files this process removed from the document store",
            store_removals.clone(),
        );
        Metrics {
            registry,
            requests,
            durations,
            store_objects,
            store_bytes,
            store_removals,
        }
    }

    /// What a sweep found in the document store.
    pub fn store_usage(&self, objects: u64, bytes: u64) {
        self.store_objects
            .set(i64::try_from(objects).unwrap_or(i64::MAX));
        self.store_bytes
            .set(i64::try_from(bytes).unwrap_or(i64::MAX));
    }

    /// Counts files removed from the document store.
    pub fn store_removed(&self, reason: &'static str, count: u64) {
        self.store_removals
            .get_or_create(&RemovedLabels { reason })
            .inc_by(count);
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            tracing::error!("metrics could not be encoded");
        }
        out
    }
}
