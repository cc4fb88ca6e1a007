// Uploads the incident CSV of the import page with XMLHttpRequest, so a large file shows how far its upload
// has come (bytes sent and percentage, from upload progress events) before the server has it all. When the
// server answers, the page goes where the plain form post would have gone: the import job's progress view,
// or the page with the form's errors. Without JavaScript the form posts as usual.
(function () {
  'use strict';
  if (!window.FormData || !window.XMLHttpRequest || !window.DOMParser) {
    return;
  }

  function bytes(n) {
    return n.toLocaleString('en-US') + ' bytes';
  }

  function announce(message) {
    var live = document.getElementById('job-announce');
    if (live) {
      live.textContent = message;
    }
  }

  // listens on the document, so the form still uploads this way after an error answer replaced it
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var status = document.getElementById('upload-status');
    var input = form.id === 'incident-form' ? form.querySelector('input[type=file]') : null;
    var file = input && input.files.length > 0 ? input.files[0] : null;
    if (!file || !status) {
      return;
    }
    event.preventDefault();
    var progress = document.getElementById('upload-progress');
    var text = document.getElementById('upload-text');
    var button = form.querySelector('button[type=submit]');

    function show(loaded, total) {
      progress.max = total;
      progress.value = loaded;
      var percent = total > 0 ? Math.floor(loaded * 100 / total) : 0;
      progress.textContent = percent + '%';
      text.textContent = bytes(loaded) + ' of ' + bytes(total) + ' sent (' + percent + '%)';
    }

    function failed(message) {
      text.textContent = message;
      button.disabled = false;
      announce(message);
    }

    // a 400 answer is the import page with the form's errors: show its main part, as the form post would
    function showPage(html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var main = page.querySelector('main');
      if (!main) {
        failed('The upload failed: the server answered with no page.');
        return;
      }
      document.querySelector('main').replaceWith(document.adoptNode(main));
    }

    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
      show(e.loaded, e.lengthComputable ? e.total : file.size);
    });
    request.upload.addEventListener('load', function () {
      show(progress.max, progress.max);
      text.textContent += '; starting the import…';
    });
    request.addEventListener('load', function () {
      if (request.status === 200 && request.responseURL && request.responseURL !== form.action) {
        // the form post's redirect, already followed: /import?job=ID (or the login page after a timeout)
        window.location.assign(request.responseURL);
      }
      else if (request.status === 400) {
        showPage(request.responseText);
      }
      else {
        failed('The upload failed: the server answered ' + request.status + '. Try again.');
      }
    });
    request.addEventListener('error', function () {
      failed('The upload failed: the connection was lost. Try again.');
    });
    button.disabled = true;
    status.hidden = false;
    show(0, file.size);
    announce('Uploading ' + file.name + '…');
    request.send(new FormData(form));
  });
}());
