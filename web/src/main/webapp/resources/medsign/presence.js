// A page's card step (M12: 申請憑證, 註銷憑證): runs the presence ceremony (card.js) and, once the server says it is
// proven, puts the ceremony id in the form field named by data-ceremony-field and presses data-finish, so the page
// redeems it on the server.
document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('.presence-card');
    if (!root || !window.medsign || !medsign.card) {
        return;
    }
    var box = document.getElementById('presenceMessages'), stage = document.getElementById('presenceStage');
    var pinField = document.getElementById('presencePin'), button = document.getElementById('presenceButton');
    var running = false;

    function show(failure) {
        var line = document.createElement('p');
        line.className = 'card-error';
        line.textContent = medsign.card.describe(failure);
        box.innerHTML = '';
        box.appendChild(line);
    }

    function onStage(name) {
        stage.textContent = stage.getAttribute('data-' + name) || '';
        stage.setAttribute('data-stage', name);
        if (name !== 'signing') {
            box.innerHTML = '';
        }
    }

    function run(event) {
        if (running || (event.type === 'keydown' && event.key !== 'Enter')) {
            return;
        }
        event.preventDefault();
        running = true;
        var firstPin = pinField.value;
        pinField.value = '';
        medsign.card.presence(root, {
            pinField: pinField, button: button, context: root.getAttribute('data-context'),
            firstPin: firstPin, onStage: onStage, onFailure: show
        }).then(function (proven) {
            document.getElementById(root.getAttribute('data-ceremony-field')).value = proven.ceremonyId;
            document.getElementById(root.getAttribute('data-finish')).click();
        }).catch(function (failure) {
            show(failure);
            running = false;
            pinField.disabled = false;
            button.disabled = false;
        });
    }

    button.addEventListener('click', run);
    pinField.addEventListener('keydown', run);
});
