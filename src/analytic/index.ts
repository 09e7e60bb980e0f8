/** Closed-form queueing models used to cross-check the simulation and to seed staffing searches. */
export { erlangB } from './erlang-b.ts';
export {
  erlangC,
  erlangCServiceLevel,
  erlangCAsa,
  erlangCOccupancy,
  erlangCStaffing,
  type ErlangCStaffingInput,
  type ErlangCStaffingResult,
} from './erlang-c.ts';
export {
  erlangA,
  erlangAStaffing,
  type ErlangAInput,
  type ErlangAResult,
  type ErlangAStaffingInput,
  type ErlangAStaffingResult,
} from './erlang-a.ts';
export {
  erlangCalculator,
  CalculatorInputError,
  type CalculatorInput,
  type CalculatorResult,
  type ModelFigures,
  type ErlangAFigures,
} from './calculator.ts';
