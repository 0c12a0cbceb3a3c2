import type { CodegenConfig } from "@graphql-codegen/cli";

// The schema is the contract itself, read from the application's sources: an operation that no
// longer matches it fails here, before next build.
const config: CodegenConfig = {
  schema: "../app/src/main/resources/graphql/*.graphqls",
  documents: "src/graphql/*.graphql",
  generates: {
    "src/graphql/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: "string" },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
      },
    },
  },
  errorsOnly: true,
};

export default config;
