// Shows the time left before the QR code of M7 expires; the server's poll answer resets it to the truth.
var medsign = medsign || {};
medsign.ticketTimer = (function () {
    var deadline = 0, timer = null;

    function element() {
        return document.getElementById('ticketExpiry');
    }

    function tick() {
        var el = element();
        if (!el) {
            return;
        }
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        var m = Math.floor(left / 60), s = left % 60;
        el.textContent = (m < 10 ? '0' : '') + m + ':' + (s < 10 ? '0' : '') + s;
    }

    function restart() {
        var el = element();
        if (el) {
            deadline = Date.now() + parseInt(el.getAttribute('data-seconds'), 10) * 1000;
            tick();
        }
    }

    document.addEventListener('DOMContentLoaded', function () {
        restart();
        timer = setInterval(tick, 1000);
    });
    return {restart: restart};
})();
