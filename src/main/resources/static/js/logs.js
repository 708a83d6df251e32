// The communication log search: sends the viewer's time zone along, so that times are typed and
// shown in it, and keeps empty criteria out of the address that htmx pushes.
(function () {
  var form = document.getElementById('log-search');
  if (!form) {
    return;
  }
  var zone = document.getElementById('zone');
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  form.addEventListener('htmx:configRequest', function (event) {
    var parameters = event.detail.parameters;
    ['before', 'operationType', 'responseCode', 'planId', 'instanceId', 'location'].forEach(function (name) {
      if (parameters[name] === '') {
        delete parameters[name];
      }
    });
  });

  // A shared link keeps the zone it was made in, so that it finds the same calls; a page
  // opened without one is searched again in the viewer's zone, replacing its address
  // rather than adding one the back button would return to.
  document.body.addEventListener('htmx:beforeHistoryUpdate', function (event) {
    var trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    if (trigger && trigger.type === 'zone-known') {
      event.detail.history.type = 'replace';
    }
  });
  if (!zone.value && browserZone) {
    zone.value = browserZone;
    if (browserZone !== zone.getAttribute('data-shown-zone')) {
      // htmx sets the form up on DOMContentLoaded, before this listener runs.
      document.addEventListener('DOMContentLoaded', function () {
        htmx.trigger(form, 'zone-known');
      });
    }
  }
})();
