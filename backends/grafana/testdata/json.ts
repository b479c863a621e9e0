// JSON as Grafana's published types describe it. JSON cannot name a
// TypeScript enum member, so where @grafana/schema types a field with a
// string enum (ThresholdsMode, LegendDisplayMode, ...), Json<T> takes the
// union of the enum's values instead ("absolute" | "percentage"); numeric
// enums, unions, optionality and excess-property checks stay as they are.
export type Json<T> = T extends string
  ? `${T}`
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;
