/* /docs: Swagger UI over /openapi.json, from the locally installed swagger-ui-dist. */
"use strict";
(function () {
  const box = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: box.dataset.spec, domNode: box, deepLinking: false });
})();
