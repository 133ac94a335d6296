// GOV.UK Frontend's body classes, set before the page is drawn (a classic script at
// the top of <body>, so it runs first; an external file, so the CSP needs no inline
// script): js-enabled, and govuk-frontend-supported where ES modules run.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
