// Builds GOV.UK Frontend and the portal's styles into static/build/ (run at set-up;
// the output is not committed).
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { compile, NodePackageImporter } from "sass";

const out = "static/build";
const govuk = "node_modules/govuk-frontend/dist/govuk";
mkdirSync(out, { recursive: true });

const css = compile("static/scss/portal.scss", {
  importers: [new NodePackageImporter()],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(`${out}/portal.css`, css.css);

cpSync(`${govuk}/govuk-frontend.min.js`, `${out}/govuk-frontend.min.js`);
cpSync(`${govuk}/assets/images`, `${out}/assets/images`, { recursive: true });
cpSync("static/js/portal.js", `${out}/portal.js`);
cpSync("static/js/body-class.js", `${out}/body-class.js`);
console.log(`built ${out}/portal.css (${css.css.length} bytes)`);
