// Chapter 14's one registration and its public read surface for the pictures.
import { defineSystem } from '../define-system.ts';
import { admissionDef } from './system.ts';
import { admissionCommands } from './commands.ts';

export const admission = defineSystem({ def: admissionDef, commands: admissionCommands });

export type { AdmissionState, HistOp, Replica, Version, Delivery, PaymentLine, RegisterMode, Stamp } from './state.ts';
export { ADMISSION, DELIVERIES, KEY, bankOf, payerOf } from './state.ts';
export { verdict, checkedOps, type AdmissionVerdict } from './verdict.ts';
export { readValue } from './register.ts';
export { effectCounts } from './payments.ts';
export { compareVectorClocks, type VectorClock, type ClockOrder } from './clocks.ts';
export { describeRegisterOp } from './register-model.ts';
