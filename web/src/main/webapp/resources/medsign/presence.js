// A page's card step (M12: 申請憑證, 註銷憑證): runs the presence ceremony (card.js) and, once the server says it is
// proven, puts the ceremony id in the form field named by data-ceremony-field and presses data-finish, so that the
// server redeems it.
document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('.presence-card');
    if (!root || !window.medsign || !medsign.card) {
        return;
    }
    var box = document.getElementById('presenceMessages'), stage = document.getElementById('presenceStage');
    var pinField = document.getElementById('presencePin'), button = document.getElementById('presenceButton');
    var onStage = medsign.card.stageShower(stage, box);
    var running = false;

    function run(event) {
        if (running || (event.type === 'keydown' && event.key !== 'Enter')) {
            return;
        }
        event.preventDefault();
        running = true;
        medsign.card.presence(root, {
            pinField: pinField, button: button, context: root.getAttribute('data-context'),
            firstPin: medsign.card.takePin(pinField), onStage: onStage,
            onFailure: function (failure) { medsign.card.show(box, failure); }
        }).then(function (proven) {
            document.getElementById(root.getAttribute('data-ceremony-field')).value = proven.ceremonyId;
            document.getElementById(root.getAttribute('data-finish')).click();
        }).catch(function (failure) {
            medsign.card.show(box, failure);
            running = false;
            pinField.disabled = false;
            button.disabled = false;
        });
    }

    button.addEventListener('click', run);
    pinField.addEventListener('keydown', run);
});
