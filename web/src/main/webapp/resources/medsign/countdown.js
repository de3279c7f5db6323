// The header's auto-logout countdown (M4). The server session expires at the same moment;
// at zero the page goes to the logout address, which lands on the login page with the MS-1004 notice.
var medsign = medsign || {};
medsign.countdown = (function () {
    var deadline = 0, element = null, timer = null;

    function show(seconds) {
        var m = Math.floor(seconds / 60), s = seconds % 60;
        element.textContent = (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
        element.classList.toggle('ending', seconds <= 60);
    }

    function tick() {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        show(left);
        if (left === 0) {
            clearInterval(timer);
            window.location.href = element.getAttribute('data-logout');
        }
    }

    function restart() {
        if (!element) {
            return;
        }
        deadline = Date.now() + parseInt(element.getAttribute('data-seconds'), 10) * 1000;
        tick();
    }

    document.addEventListener('DOMContentLoaded', function () {
        element = document.getElementById('countdown');
        if (element) {
            restart();
            timer = setInterval(tick, 1000);
        }
    });

    return {restart: restart};
})();
