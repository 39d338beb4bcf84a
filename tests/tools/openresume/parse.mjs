// Run OpenResume's own resume parser on PDF files and print what it reads, as JSON: {"path.pdf": resume, ...}.
//
//   node parse.mjs OPEN_RESUME_DIR file.pdf ...
//
// OPEN_RESUME_DIR is the unpacked open-resume npm package (./dev.sh setup fetches it). Its parser,
// src/app/lib/parse-resume-from-pdf, is TypeScript written for the browser; esbuild compiles it as it is, and
// three imports get Node stand-ins: pdf.js's CommonJS build, its worker path, and one constant the parser
// reads from the app's Redux store.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// pdf.js looks for DOMMatrix and Path2D (from the optional `canvas` package) when it loads in Node; reading
// text needs neither, so empty stand-ins keep the native package out.
globalThis.DOMMatrix ??= class DOMMatrix {};
globalThis.Path2D ??= class Path2D {};

const here = path.dirname(fileURLToPath(import.meta.url));
const [openResumeDir, ...pdfs] = process.argv.slice(2);
if (!openResumeDir || pdfs.length === 0) {
  console.error("usage: node parse.mjs OPEN_RESUME_DIR file.pdf ...");
  process.exit(2);
}
const lib = path.resolve(openResumeDir, "src", "app", "lib");
const pdfjsBuild = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/legacy/build/pdf.js"));

const stubs = {
  "pdfjs-dist": `import pdfjs from ${JSON.stringify(path.join(pdfjsBuild, "pdf.js"))};
    export const { getDocument, GlobalWorkerOptions } = pdfjs;`,
  // in Node, pdf.js runs its worker in-process, loaded from this path
  "pdfjs-dist/build/pdf.worker.entry": `export default ${JSON.stringify(path.join(pdfjsBuild, "pdf.worker.js"))};`,
  "lib/redux/resumeSlice": "export const initialFeaturedSkills = Array(6).fill({ skill: '', rating: 4 });",
};

// The parser imports `lib/...` (its tsconfig base path) and folders by their index.ts.
const typescriptFile = (base) =>
  [`${base}.ts`, path.join(base, "index.ts")].find((candidate) => existsSync(candidate)) ?? `${base}.ts`;

const openResumePaths = {
  name: "open-resume-paths",
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.path in stubs) return { path: args.path, namespace: "stub" };
      if (args.path.startsWith(pdfjsBuild)) return { path: args.path, external: true };
      if (args.path.startsWith("lib/")) return { path: typescriptFile(path.join(lib, args.path.slice(4))) };
      return undefined;
    });
    builder.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({ contents: stubs[args.path], loader: "js" }));
  },
};

const compiled = await build({
  entryPoints: [path.join(lib, "parse-resume-from-pdf", "index.ts")],
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
  plugins: [openResumePaths],
  logLevel: "error",
});
const cache = path.join(here, "node_modules", ".cache");
await mkdir(cache, { recursive: true });
const bundle = path.join(cache, "openresume-parser.mjs");
await writeFile(bundle, compiled.outputFiles[0].text);
const { parseResumeFromPdf } = await import(pathToFileURL(bundle).href);

const results = {};
for (const pdf of pdfs) {
  // readPdf hands its argument to pdfjs.getDocument, which takes the file's bytes as well as a URL
  results[pdf] = await parseResumeFromPdf({ data: new Uint8Array(await readFile(pdf)), verbosity: 0 });
}
console.log(JSON.stringify(results, null, 2));
