/* Behaviour shared by every page, kept out of the HTML so that the Content-Security-Policy
   can forbid inline scripts and on...= attributes (issue 11).

   A <select data-submit-on-change> submits its form when its value changes (the language
   switch in the header); without scripts the form still has a visible default. */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches("select[data-submit-on-change]") && target.form) {
      target.form.submit();
    }
  });
})();
