//! camsweep's operations, as a user or a server performs them. The CLI (`crates/camsweep`) and
//! the web server to come are two faces of this crate: each parses its input (arguments, HTTP),
//! calls one function here, and renders the result. Nothing here prints.
//!
//! - [`access`]: users, API tokens and the token check of `camsweep serve`.
//! - [`browse`]: the register as a reader under a scope sees it (the server's reads).
//! - [`config`]: the configuration file (`camsweep.toml`), read and checked.
//! - [`kb`]: the knowledge base, embedded or from a directory.
//! - [`scan`]: scan options into the scanner's configuration, the scan, and storing it
//!   (with an evaluation after it).
//! - [`identify`]: an observations file identified without a register.
//! - [`ingest`]: scan documents and observations files into the register.
//! - [`evaluate`]: identification, the one policy-input builder, findings, and the remediation
//!   plan's state machine (a pure function, [`evaluate::plan_change`]).
//! - [`plan`]: the plan as listed (each item's verified state), and people's changes to it,
//!   applied under the item's lock.
//! - [`policies`]: the packs in force; device contexts evaluated (`camsweep policy eval`).
//! - [`estate`], [`waiver`]: the estate file read and imported; waivers.
//! - [`lab`]: the lab's estate (a spec file, or generated) and its start.
//! - [`gate`]: the deployment gate (`camsweep check`, later `POST /api/v1/check`).
//! - [`report_data`]: everything a report shows, read from the register.
//! - [`demo`]: the main job end to end on the lab (estate, scan, ingest, evaluate, reports).
//! - [`error`]: one error type with a category, mapped to exit codes by the binary and to HTTP
//!   statuses by the server, each in one place.

pub mod access;
pub mod browse;
pub mod config;
pub mod demo;
pub mod error;
pub mod estate;
pub mod evaluate;
pub mod gate;
pub mod identify;
pub mod ingest;
pub mod kb;
pub mod lab;
pub mod plan;
pub mod policies;
pub mod report_data;
pub mod scan;
pub mod waiver;

pub use camsweep_import::InputLimits;

/// Runs CPU-bound work (identification, policy evaluation) without stalling the async
/// executor: on a multi-threaded runtime the worker first hands its other tasks to another
/// thread (`block_in_place`), so a server keeps answering during an evaluation; on a
/// current-thread runtime, or outside one, it runs in place.
pub fn cpu_bound<T>(work: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current() {
        Ok(handle) if handle.runtime_flavor() == tokio::runtime::RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(work)
        }
        _ => work(),
    }
}

pub use error::{AppError, Category};

#[cfg(test)]
mod cpu_bound_tests {
    /// With one worker thread, a task spawned beside CPU-bound work still runs while the work
    /// does (without `block_in_place` it would wait until the work ended).
    #[test]
    fn other_tasks_run_while_cpu_bound_work_does() {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let ticks = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let ticker = tokio::spawn({
                let ticks = ticks.clone();
                async move {
                    loop {
                        ticks.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                    }
                }
            });
            // Let the ticker start, then occupy this worker.
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            let before = ticks.load(std::sync::atomic::Ordering::SeqCst);
            // On the one worker, as an evaluation inside a request handler would be.
            let during = tokio::spawn({
                let ticks = ticks.clone();
                async move {
                    super::cpu_bound(|| {
                        std::thread::sleep(std::time::Duration::from_millis(400));
                        ticks.load(std::sync::atomic::Ordering::SeqCst)
                    })
                }
            })
            .await
            .unwrap();
            ticker.abort();
            assert!(
                during >= before + 5,
                "the ticker ran during the work: {before} before, {during} at its end"
            );
        });
        // Outside a runtime it simply runs.
        assert_eq!(super::cpu_bound(|| 7), 7);
    }
}
