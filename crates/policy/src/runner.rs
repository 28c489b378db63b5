//! How a pack is run. A pack is compiled to regorus's RVM bytecode when it can be (about four
//! times faster per call than the tree-walking interpreter on the built-in packs, see
//! docs/benchmarks.md); a pack the RVM compiler refuses, or whose compiled form disagrees with the
//! interpreter on the load probe, is interpreted. Both run under the pack's time limit.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use regorus::rvm::program::Program;
use regorus::rvm::vm::RegoVM;
use regorus::utils::limits::ExecutionTimerConfig;

/// Which regorus evaluator runs the packs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Evaluator {
    /// regorus's RVM bytecode, for every pack that compiles to it (the others are interpreted).
    #[default]
    Compiled,
    /// regorus's tree-walking interpreter for every pack: the reference the compiled form is
    /// checked against.
    Interpreted,
}

/// One pack's evaluator state: a VM or an interpreter. Not shared: one per thread.
pub(crate) enum Worker {
    Vm(Box<RegoVM>),
    Interpreter(Box<regorus::Engine>),
}

impl Worker {
    /// Evaluates the pack's `findings` rule on `input`; errors are rendered with their chain.
    pub(crate) fn eval(
        &mut self,
        rule: &str,
        input: regorus::Value,
    ) -> Result<regorus::Value, String> {
        match self {
            Worker::Vm(vm) => {
                vm.set_input(input);
                vm.execute().map_err(|e| format!("{e:#}"))
            }
            Worker::Interpreter(engine) => {
                engine.set_input(input);
                engine
                    .eval_rule(rule.to_owned())
                    .map_err(|e| format!("{e:#}"))
            }
        }
    }
}

pub(crate) fn timer(time_limit: Duration) -> ExecutionTimerConfig {
    ExecutionTimerConfig {
        limit: time_limit,
        // Check the clock every 64 interpreter steps: cheap, and a runaway rule is caught
        // within microseconds of the limit.
        check_interval: NonZeroU32::new(64).expect("non-zero"),
    }
}

/// Compiles a prepared interpreter's `rule` to RVM bytecode.
pub(crate) fn compile(engine: &mut regorus::Engine, rule: &str) -> Result<Arc<Program>, String> {
    let entry: regorus::Rc<str> = rule.into();
    let policy = engine
        .compile_with_entrypoint(&entry)
        .map_err(|e| format!("{e:#}"))?;
    regorus::languages::rego::compiler::Compiler::compile_from_policy(&policy, &[rule])
        .map_err(|e| format!("{e:#}"))
}

/// A VM loaded with `program` and the pack's data, bounded by time only: the RVM's default
/// instruction cap (25,000) would stop a legitimate large pack, and the time limit is the bound
/// the packs are documented to have.
pub(crate) fn new_vm(
    program: &Arc<Program>,
    data: &regorus::Value,
    time_limit: Duration,
) -> Result<RegoVM, String> {
    let mut vm = RegoVM::new();
    vm.load_program(Arc::clone(program));
    vm.set_data(data.clone()).map_err(|e| format!("{e:#}"))?;
    vm.set_execution_timer_config(Some(timer(time_limit)));
    vm.set_max_instructions(usize::MAX);
    Ok(vm)
}
