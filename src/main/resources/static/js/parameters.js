// Checks JSON parameter inputs as people type, so that a typo shows before the form is sent.
// The server checks them again; this only saves a round trip.
(function () {
  function check(textarea) {
    var text = textarea.value.trim();
    var message = '';
    if (text !== '') {
      try {
        var value = JSON.parse(text);
        if (textarea.hasAttribute('data-json-object') && (value === null || typeof value !== 'object' || Array.isArray(value))) {
          message = 'Enter a JSON object, such as {"size": 10}';
        }
      } catch (e) {
        message = 'This is not valid JSON';
      }
    }
    textarea.setCustomValidity(message);
    textarea.classList.toggle('invalid', message !== '');
  }

  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('textarea.json')) {
      check(event.target);
    }
  });
})();
