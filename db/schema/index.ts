export * from "./identity";
export * from "./platform";
export * from "./jobs";
export * from "./email";
export * from "./leads";
export * from "./lead-activity";
export * from "./imports";
export * from "./saved-views";
