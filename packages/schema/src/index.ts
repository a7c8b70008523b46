export * from "./access.ts";
export * from "./accountsApi.ts";
export * from "./api.ts";
export * from "./closeCodes.ts";
export * from "./columnTypes.ts";
export * from "./savedMessage.ts";
export * from "./template.ts";
export * from "./templates/index.ts";
