// What a lesson step's boxes ask of the lesson. The app's controller (src/app/controller.ts) carries them
// out and the lesson page hands them down, so the panels need not import the app.
export interface StepActions {
  /** Locks in the chosen answer and plays the prediction's run. */
  lockPrediction(): void;
  replayPrediction(): void;
  skipPrediction(): void;
  /** Checks the challenge's goal now; true when it holds. */
  checkChallenge(): boolean;
  showNextHint(): void;
  runSolution(): void;
  /** Opens the step again from its beginning for the challenge, keeping the prediction's verdict. */
  restartChallenge(): void;
}
