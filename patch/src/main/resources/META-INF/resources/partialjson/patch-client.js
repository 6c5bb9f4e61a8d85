/*
 * partialjson patch client (Apache License 2.0). One file, no dependencies, no build step.
 *
 * Applies the patch stream of partialjson-patch to a value: RFC 6902 "add" and "replace", and
 * "append" (text added to the end of a string), with RFC 6901 JSON Pointers ("" is the whole
 * value; "~1" is "/" and "~0" is "~" in a member name; an array index, or "-" past the end).
 *
 *   var doc = new PartialJsonPatch.Document();   // doc.state is undefined: an empty document
 *   doc.apply([{op: 'add', path: '', value: {}}, {op: 'add', path: '/title', value: 'Hel'}]);
 *   doc.apply([{op: 'append', path: '/title', value: 'lo'}]);   // doc.state: {title: 'Hello'}
 *
 *   PartialJsonPatch.connect(url, {onChange, onEnd, onFailure, onReasoningStart, onReasoning,
 *   onReasoningEnd}) reads server-sent events: the plain form ("snapshot", "patch", "end",
 *   "failed", "reasoning-start", "reasoning", "reasoning-end") or AG-UI's (STATE_SNAPSHOT,
 *   STATE_DELTA, RUN_FINISHED, RUN_ERROR, REASONING_START, REASONING_MESSAGE_CONTENT,
 *   REASONING_END). The model's reasoning is apart from the state: onReasoningStart() when a
 *   segment of it begins, onReasoning(delta, all) as it grows (all: the segment's text so far),
 *   onReasoningEnd(all) when it ends; a stream may hold several segments. Numbers become
 *   JavaScript numbers, as JSON.parse makes them.
 */
(function (global) {
  'use strict';

  function fail(op, why) {
    throw new Error('Cannot ' + op.op + ' at "' + op.path + '": ' + why);
  }

  function parsePointer(pointer) {
    if (pointer === '') {
      return [];
    }
    if (typeof pointer !== 'string' || pointer.charAt(0) !== '/') {
      throw new Error('Not a JSON Pointer: "' + pointer + '"');
    }
    return pointer.substring(1).split('/').map(function (token) {
      return token.replace(/~1/g, '/').replace(/~0/g, '~');
    });
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  // A plain assignment of "__proto__" would set the prototype instead of adding a member.
  function setMember(object, key, value) {
    Object.defineProperty(object, key, {
      value: value, writable: true, enumerable: true, configurable: true
    });
  }

  function index(array, token, op, end) {
    if (token === '-' && end) {
      return array.length;
    }
    if (!/^(0|[1-9][0-9]*)$/.test(token)) {
      fail(op, '"' + token + '" is not an array index');
    }
    var i = Number(token);
    if (i > array.length || (i === array.length && !end)) {
      fail(op, 'index ' + i + ' is past the end of an array of ' + array.length);
    }
    return i;
  }

  function appended(current, op) {
    if (typeof current !== 'string') {
      fail(op, 'the value there is not a string');
    }
    if (typeof op.value !== 'string') {
      fail(op, 'the text to append is not a string');
    }
    return current + op.value;
  }

  // Returns the new root: the same object, changed, unless the root itself is set.
  function applyOperation(state, op) {
    var tokens = parsePointer(op.path);
    if (op.op !== 'add' && op.op !== 'replace' && op.op !== 'append') {
      fail(op, 'unknown operation');
    }
    if (tokens.length === 0) {
      if (op.op === 'append') {
        return appended(state, op);
      }
      if (op.op === 'replace' && state === undefined) {
        fail(op, 'the document is empty');
      }
      return op.value;
    }
    var parent = state;
    for (var t = 0; t < tokens.length - 1; t++) {
      if (Array.isArray(parent)) {
        parent = parent[index(parent, tokens[t], op, false)];
      } else if (isObject(parent) && has(parent, tokens[t])) {
        parent = parent[tokens[t]];
      } else {
        fail(op, '"' + tokens[t] + '" is not there');
      }
    }
    var last = tokens[tokens.length - 1];
    if (Array.isArray(parent)) {
      if (op.op === 'add') {
        parent.splice(index(parent, last, op, true), 0, op.value);
      } else {
        var i = index(parent, last, op, false);
        parent[i] = op.op === 'append' ? appended(parent[i], op) : op.value;
      }
    } else if (isObject(parent)) {
      if (op.op !== 'add' && !has(parent, last)) {
        fail(op, 'no member "' + last + '"');
      }
      setMember(parent, last, op.op === 'append' ? appended(parent[last], op) : op.value);
    } else {
      fail(op, 'the parent is not an object or an array');
    }
    return state;
  }

  /** Applies the operations in order to state and returns the new state. */
  function apply(state, operations) {
    for (var i = 0; i < operations.length; i++) {
      state = applyOperation(state, operations[i]);
    }
    return state;
  }

  /** A value rebuilt from a patch stream; state is undefined until the first operation. */
  function Document() {
    this.state = undefined;
  }

  Document.prototype.apply = function (operations) {
    this.state = apply(this.state, operations);
    return this.state;
  };

  Document.prototype.reset = function (state) {
    this.state = state;
    return state;
  };

  /**
   * Reads a stream of server-sent events at url into a Document and calls
   * handlers.onChange(state) after each snapshot or batch, handlers.onEnd(state) at the end and
   * handlers.onFailure(message, state) when the server reports an error; the reasoning goes to
   * handlers.onReasoningStart(), onReasoning(delta, all) and onReasoningEnd(all), where all is the
   * text of the segment so far. Returns {document, close}.
   */
  function connect(url, handlers) {
    handlers = handlers || {};
    var doc = new Document();
    var source = new EventSource(url);
    function call(name, a, b) {
      if (typeof handlers[name] === 'function') {
        handlers[name](a, b);
      }
    }
    function changed() {
      call('onChange', doc.state);
    }
    function ended() {
      source.close();
      call('onEnd', doc.state);
    }
    function failed(message) {
      source.close();
      call('onFailure', message, doc.state);
    }
    var thought = ''; // the text of the segment of reasoning so far
    function reasoningStarted() {
      thought = '';
      call('onReasoningStart');
    }
    function reasoned(delta) {
      thought += delta;
      call('onReasoning', delta, thought);
    }
    function reasoningEnded() {
      call('onReasoningEnd', thought);
    }
    source.addEventListener('snapshot', function (e) {
      doc.reset(JSON.parse(e.data));
      changed();
    });
    source.addEventListener('patch', function (e) {
      doc.apply(JSON.parse(e.data));
      changed();
    });
    source.addEventListener('reasoning-start', reasoningStarted);
    source.addEventListener('reasoning', function (e) {
      reasoned(JSON.parse(e.data).delta);
    });
    source.addEventListener('reasoning-end', reasoningEnded);
    source.addEventListener('end', ended);
    source.addEventListener('failed', function (e) {
      failed(JSON.parse(e.data).message);
    });
    source.onmessage = function (e) { // AG-UI: unnamed events, the type inside
      var event = JSON.parse(e.data);
      if (event.type === 'STATE_SNAPSHOT') {
        doc.reset(event.snapshot);
        changed();
      } else if (event.type === 'STATE_DELTA') {
        doc.apply(event.delta);
        changed();
      } else if (event.type === 'REASONING_START') {
        reasoningStarted();
      } else if (event.type === 'REASONING_MESSAGE_CONTENT') {
        reasoned(event.delta);
      } else if (event.type === 'REASONING_END') {
        reasoningEnded();
      } else if (event.type === 'RUN_FINISHED') {
        ended();
      } else if (event.type === 'RUN_ERROR') {
        failed(event.message);
      }
    };
    return {
      document: doc,
      close: function () {
        source.close();
      }
    };
  }

  var api = {apply: apply, Document: Document, connect: connect, parsePointer: parsePointer};
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    global.PartialJsonPatch = api;
  }
})(typeof window !== 'undefined' ? window : this);
