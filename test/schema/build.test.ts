import { describe, expect, it } from "vitest";
import { makeStrict, subchartSchema, umbrellaSchema, type JsonSchema } from "../../src/schema/build.ts";

describe("the schema build", () => {
  it("closes every object schema that lists properties", () => {
    const schema: JsonSchema = { type: "object", properties: { a: { type: "object", properties: { b: { type: "string" } } } } };
    makeStrict(schema);
    expect(schema.additionalProperties).toBe(false);
    expect((schema.properties as { a: JsonSchema }).a.additionalProperties).toBe(false);
  });

  it("keeps an explicit additionalProperties", () => {
    const schema: JsonSchema = { type: "object", properties: {}, additionalProperties: { type: "string" } };
    makeStrict(schema);
    expect(schema.additionalProperties).toEqual({ type: "string" });
  });

  it("treats a value key named like a keyword as a key, not a keyword", () => {
    const schema: JsonSchema = { type: "object", properties: { type: { type: "string" }, items: { type: "array", items: { type: "integer" } } } };
    expect(() => makeStrict(schema)).not.toThrow();
  });

  it("refuses a keyword draft-07 does not know, naming where", () => {
    expect(() => makeStrict({ type: "object", properties: { port: { type: "integer", minimun: 1 } } })).toThrow('/properties/port: unknown JSON Schema keyword "minimun"');
  });

  it("refuses 2020-12 keywords Helm 3 would ignore", () => {
    expect(() => makeStrict({ type: "object", $defs: {} })).toThrow('"$defs" is not draft-07');
    expect(() => makeStrict({ type: "array", prefixItems: [] })).toThrow('"prefixItems" is not draft-07');
  });

  it("gives every subchart global, only the optional ones enabled, and the umbrella every subchart", () => {
    const api = subchartSchema("api");
    expect(Object.keys(api.properties as JsonSchema)).toContain("global");
    for (const key of ["api", "nginx"]) expect(Object.keys(subchartSchema(key).properties as JsonSchema)).not.toContain("enabled");
    for (const key of ["mongo", "redis", "frontend", "monitoring"]) expect(Object.keys(subchartSchema(key).properties as JsonSchema)).toEqual(expect.arrayContaining(["global", "enabled"]));
    expect(api.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(Object.keys(umbrellaSchema().properties as JsonSchema)).toEqual(expect.arrayContaining(["api", "mongo", "redis", "nginx", "frontend", "monitoring", "common", "global"]));
  });
});
