/// The integrator's options, statistics and error (`FlowOptions`, `IntegrationStatistics`,
/// `RosenbrockMethod`, `FlowError`) are part of this module's API, so clients need not import
/// `StiffODE` themselves.
@_exported import StiffODE
