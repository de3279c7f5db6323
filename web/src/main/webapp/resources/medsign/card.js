// The card pages' side of the card agent (card-agent/README.md, protocol v1) and of the server's /card endpoints:
// card login (M3), the agent check with install help (M2) and the presence ceremony (M12: PIN, pull out, insert, PIN).
// The PIN goes from its field to the agent on 127.0.0.1 only, never to the server; the field is emptied at once.
var medsign = medsign || {};
medsign.card = (function () {
    'use strict';

    var texts = null;

    // A failure the page can show: a catalogue code, its {0} argument, or the server's own rendering of it.
    function Failure(code, argument, server) {
        this.code = code;
        this.argument = argument;
        this.server = server;
    }

    function catalogue() {
        if (!texts) {
            var element = document.getElementById('cardTexts');
            texts = element ? JSON.parse(element.textContent) : {};
        }
        return texts;
    }

    function describe(failure) {
        if (failure.server) {
            return {code: failure.server.code, text: failure.server.text, action: failure.server.action};
        }
        var entry = catalogue()[failure.code] || catalogue()['MS-9000'] || {text: failure.code, action: ''};
        var argument = failure.argument === undefined || failure.argument === null ? '-' : String(failure.argument);
        return {code: failure.code, text: entry.text.replace('{0}', argument), action: entry.action};
    }

    function asFailure(error) {
        if (error instanceof Failure) {
            return error;
        }
        if (window.console) {
            console.error(error);
        }
        return new Failure('MS-9000');
    }

    function show(box, failure) {
        var described = describe(asFailure(failure));
        box.innerHTML = '';
        var message = document.createElement('div');
        message.className = 'card-message error';
        message.setAttribute('data-code', described.code);
        var text = document.createElement('strong');
        text.textContent = described.text;
        var action = document.createElement('div');
        action.className = 'action';
        action.textContent = described.action;
        message.appendChild(text);
        message.appendChild(action);
        box.appendChild(message);
        var help = document.getElementById('agentHelp');
        if (help) {
            help.hidden = !(described.code === 'MS-2001' || described.code === 'MS-2002');
        }
    }

    function atLeast(actual, minimum) {
        var a = String(actual || '0').split(/[.-]/), m = String(minimum).split(/[.-]/);
        for (var i = 0; i < m.length; i++) {
            var x = parseInt(a[i] || '0', 10) || 0, y = parseInt(m[i], 10) || 0;
            if (x !== y) {
                return x > y;
            }
        }
        return true;
    }

    // The agent on this PC. Every call has a time limit: a missing agent must not leave the page waiting.
    function Agent(url, minVersion, unknownTries) {
        this.url = url;
        this.minVersion = minVersion;
        this.unknownTries = unknownTries || '?';
    }

    Agent.prototype.call = function (method, path, body, millis) {
        var controller = new AbortController();
        var timer = setTimeout(function () { controller.abort(); }, millis);
        var options = {method: method, cache: 'no-store', signal: controller.signal};
        if (body) {
            options.headers = {'Content-Type': 'application/json'};
            options.body = JSON.stringify(body);
        }
        return fetch(this.url + path, options).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (json) {
                return {status: response.status, json: json};
            });
        }, function () {
            // unreachable, or refused without CORS headers (an origin the agent does not serve): the same to a page
            throw new Failure('MS-2001');
        }).finally(function () { clearTimeout(timer); });
    };

    Agent.prototype.failure = function (json) {
        switch (json.error) {
            case 'AGENT-PIN_WRONG': return new Failure('MS-2005', json.pinTriesLeft === null || json.pinTriesLeft === undefined
                ? this.unknownTries : json.pinTriesLeft);
            case 'AGENT-PIN_LOCKED': return new Failure('MS-2006');
            case 'AGENT-CARD_ABSENT': return new Failure('MS-2004');
            case 'AGENT-NO_READER': return new Failure('MS-2003');
            case 'AGENT-PROTOCOL_UNSUPPORTED': return new Failure('MS-2002', this.minVersion);
            default: return new Failure('MS-2020', json.error || 'HTTP');
        }
    };

    // Status, checked before every PIN: a usable agent version, a reader, a card.
    Agent.prototype.ready = function () {
        var agent = this;
        return this.call('GET', '/v1/status', null, 4000).then(function (reply) {
            var s = reply.json;
            if (reply.status !== 200 || s.protocol !== 1 || !atLeast(s.agentVersion, agent.minVersion)) {
                throw reply.status === 200 || reply.json.error === 'AGENT-PROTOCOL_UNSUPPORTED'
                    ? new Failure('MS-2002', agent.minVersion) : agent.failure(s);
            }
            if (!s.readerPresent) {
                throw new Failure('MS-2003');
            }
            if (!s.cardPresent) {
                throw new Failure('MS-2004');
            }
            return s;
        });
    };

    Agent.prototype.sign = function (challenge, pin, purpose) {
        var agent = this;
        return this.call('POST', '/v1/sign', {challenge: challenge, pin: pin, purpose: purpose}, 60000).then(function (reply) {
            if (reply.status !== 200) {
                throw agent.failure(reply.json);
            }
            var chain = reply.json.certificateChain && reply.json.certificateChain.length
                ? reply.json.certificateChain : [reply.json.certificate];
            return {signature: reply.json.signature, algorithm: reply.json.algorithm, certificateChain: chain};
        });
    };

    Agent.prototype.events = function (after, waitMillis) {
        var agent = this;
        return this.call('GET', '/v1/events?after=' + after + '&waitMillis=' + waitMillis, null, waitMillis + 5000)
            .then(function (reply) {
                if (reply.status !== 200) {
                    throw agent.failure(reply.json);
                }
                return reply.json;
            });
    };

    // The server's card endpoints: JSON in, JSON out; a refusal carries its catalogue code and texts.
    function post(url, body) {
        return fetch(url, {
            method: 'POST', credentials: 'same-origin', cache: 'no-store',
            headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
        }).then(function (response) {
            return response.json().catch(function () {
                throw new Failure(response.redirected ? 'MS-1007' : 'MS-9000');
            }).then(function (json) {
                if (!response.ok) {
                    throw new Failure(json.code, null, json.code ? json : null);
                }
                return json;
            });
        });
    }

    function takePin(field) {
        var pin = field.value;
        field.value = '';
        return pin;
    }

    function agentOf(root) {
        return new Agent(root.getAttribute('data-agent'), root.getAttribute('data-min-version'),
            root.getAttribute('data-unknown-tries'));
    }

    function busy(button, on) {
        button.disabled = on;
        button.classList.toggle('busy', on);
    }

    // Card login (M3).
    function setUpLogin(root) {
        var agent = agentOf(root), box = document.getElementById('cardMessages');
        var pinField = document.getElementById('cardPin'), button = document.getElementById('cardLoginButton');
        var state = document.getElementById('agentState');

        function probe() {
            return agent.ready().then(function (status) {
                box.innerHTML = '';
                state.textContent = state.getAttribute('data-ready').replace('{0}', status.agentVersion);
                document.getElementById('agentHelp').hidden = true;
            }, function (failure) {
                state.textContent = '';
                show(box, failure);
            });
        }

        function logIn() {
            var pin = takePin(pinField);
            if (pin.length < 4) {
                box.innerHTML = '';
                state.textContent = state.getAttribute('data-pin-required');
                pinField.focus();
                return;
            }
            busy(button, true);
            var signed;
            agent.ready().then(function () {
                return post(root.getAttribute('data-challenge-url'), {});
            }).then(function (challenge) {
                var typed = pin;
                pin = null;
                return agent.sign(challenge.challenge, typed, challenge.purpose).then(function (signature) {
                    signed = signature;
                    signed.challengeId = challenge.challengeId;
                });
            }).then(function () {
                return post(root.getAttribute('data-login-url'), signed);
            }).then(function (result) {
                window.location.assign(result.redirect);
            }).catch(function (failure) {
                pin = null;
                show(box, failure);
                busy(button, false);
            });
        }

        button.addEventListener('click', logIn);
        pinField.addEventListener('keydown', function (event) {
            if (event.key === 'Enter') {
                event.preventDefault();
                logIn();
            }
        });
        probe();
    }

    // The presence ceremony (M12) for a page of a logged-in user. options: pinField, button (the PIN prompts),
    // firstPin (the PIN already typed, if any), context (signed into both challenges), onStage(name) for 'pin1',
    // 'signing', 'remove', 'insert', 'pin2', 'done', and onFailure(failure) for a wrong PIN that is asked again.
    // Resolves with the server's answer ({ceremonyId, ...}); the certificate application sends the ceremonyId on,
    // and the server redeems it once (CardPresence.redeem).
    function presence(root, options) {
        var agent = agentOf(root), base = root.getAttribute('data-presence-url');
        var pinField = options.pinField, button = options.button, onStage = options.onStage;

        function nextPin(preset) {
            if (preset) {
                return Promise.resolve(preset);
            }
            pinField.disabled = false;
            button.disabled = false;
            pinField.focus();
            return new Promise(function (resolve) {
                function done(event) {
                    if (event.type === 'keydown' && event.key !== 'Enter') {
                        return;
                    }
                    event.preventDefault();
                    var pin = takePin(pinField);
                    if (pin.length < 4) {
                        return;
                    }
                    button.removeEventListener('click', done);
                    pinField.removeEventListener('keydown', done);
                    pinField.disabled = true;
                    button.disabled = true;
                    resolve(pin);
                }
                button.addEventListener('click', done);
                pinField.addEventListener('keydown', done);
            });
        }

        // Signs a challenge with the PIN the user types; a wrong PIN shows its code and asks again.
        function signWithPin(challenge, stage, preset, failure) {
            onStage(stage);
            if (failure) {
                options.onFailure(failure);
            }
            return nextPin(preset).then(function (pin) {
                onStage('signing');
                return agent.ready().then(function () {
                    return agent.sign(challenge.challenge, pin, challenge.purpose);
                });
            }).catch(function (failed) {
                if (failed instanceof Failure && (failed.code === 'MS-2005' || failed.code === 'MS-2004')) {
                    return signWithPin(challenge, stage, null, failed);
                }
                throw failed;
            });
        }

        function waitFor(type, cursor, deadline, seen) {
            if (Date.now() > deadline) {
                return Promise.reject(new Failure('MS-2018'));
            }
            return agent.events(cursor, Math.max(1000, Math.min(20000, deadline - Date.now()))).then(function (reply) {
                if (reply.last < cursor) {
                    // the agent restarted: the events in between are lost, so the re-insertion cannot be shown
                    throw new Failure('MS-2016');
                }
                for (var i = 0; i < reply.events.length; i++) {
                    seen.push(reply.events[i]);
                    if (reply.events[i].type === type) {
                        return reply.events[i].seq;
                    }
                }
                return waitFor(type, reply.last, deadline, seen);
            });
        }

        var ceremony, agentSeq, seen = [];
        return post(base + '/start', {context: options.context || ''}).then(function (first) {
            ceremony = first.ceremonyId;
            var typed = options.firstPin;
            options.firstPin = null;
            return signWithPin(first, 'pin1', typed).then(function (signed) {
                return agent.events(0, 0).then(function (reply) {
                    agentSeq = reply.last;
                    signed.ceremonyId = ceremony;
                    signed.challengeId = first.challengeId;
                    signed.agentSeq = agentSeq;
                    return post(base + '/first', signed);
                });
            });
        }).then(function (second) {
            // the ceremony's own time limit, less a margin for the last round trip
            var deadline = Date.now() + Math.max(30000, Date.parse(second.expiresAt) - Date.now() - 5000);
            onStage('remove');
            return waitFor('CARD_REMOVED', agentSeq, deadline, seen).then(function (removed) {
                onStage('insert');
                return waitFor('CARD_INSERTED', removed, deadline, seen);
            }).then(function () {
                return signWithPin(second, 'pin2');
            }).then(function (signed) {
                signed.ceremonyId = ceremony;
                signed.challengeId = second.challengeId;
                signed.events = seen;
                return post(base + '/second', signed);
            });
        }).then(function (proven) {
            onStage('done');
            return proven;
        });
    }

    // Shows a ceremony stage's words (the element's data-<stage>) and clears the messages of the stage before.
    function stageShower(stage, box) {
        return function (name) {
            stage.textContent = stage.getAttribute('data-' + name) || '';
            stage.setAttribute('data-stage', name);
            if (name !== 'signing') {
                box.innerHTML = '';
            }
        };
    }

    // The card check page: runs the ceremony once per button press and shows where it stands.
    function setUpCheck(root) {
        var box = document.getElementById('presenceMessages'), stage = document.getElementById('presenceStage');
        var pinField = document.getElementById('presencePin'), button = document.getElementById('presenceButton');
        var result = document.getElementById('presenceResult');
        var running = false;

        var onStage = stageShower(stage, box);

        function run(event) {
            if (running || (event.type === 'keydown' && event.key !== 'Enter')) {
                return;
            }
            event.preventDefault();
            running = true;
            result.hidden = true;
            button.removeEventListener('click', run);
            pinField.removeEventListener('keydown', run);
            presence(root, {
                pinField: pinField, button: button, context: root.getAttribute('data-context'),
                firstPin: takePin(pinField), onStage: onStage,
                onFailure: function (failure) { show(box, failure); }
            }).then(function (proven) {
                result.querySelector('.ceremony').textContent = proven.ceremonyId;
                result.hidden = false;
            }).catch(function (failure) {
                show(box, failure);
            }).then(function () {
                running = false;
                pinField.disabled = false;
                button.disabled = false;
                button.addEventListener('click', run);
                pinField.addEventListener('keydown', run);
            });
        }

        button.addEventListener('click', run);
        pinField.addEventListener('keydown', run);
        agentOf(root).ready().catch(function (failure) { show(box, failure); });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var login = document.getElementById('cardLogin');
        if (login) {
            setUpLogin(login);
        }
        var check = document.getElementById('cardCheck');
        if (check) {
            setUpCheck(check);
        }
    });

    return {Agent: Agent, presence: presence, describe: describe, show: show, stageShower: stageShower, takePin: takePin};
})();
