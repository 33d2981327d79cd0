export * from "./identity";
export * from "./platform";
export * from "./jobs";
export * from "./email";
