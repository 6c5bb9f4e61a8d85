// Renders the path-keyed events of /events: no framework, no build step.
"use strict";

const TASK_FIELD = /^\$\.tasks\[(\d+)]\.(\w+)$/;
const TASK = /^\$\.tasks\[(\d+)]$/;
let events = 0;

function task(index) {
  let li = document.getElementById("task-" + index);
  if (!li) {
    li = document.createElement("li");
    li.id = "task-" + index;
    li.dataset.state = "streaming";
    li.innerHTML =
      '<span class="mark">…</span><span class="title field"></span>' +
      '<span class="badge priority"></span><span class="badge hours"></span>';
    document.getElementById("tasks").appendChild(li);
  }
  return li;
}

// The element showing the string or value at a JSON path, made on first sight.
function field(path) {
  if (path === "$.title") return document.getElementById("title");
  const m = TASK_FIELD.exec(path);
  return m ? task(m[1]).querySelector("." + m[2]) : null;
}

function status(state, text) {
  const el = document.getElementById("status");
  el.dataset.state = state;
  el.textContent = text;
}

const source = new EventSource("events" + location.search);

source.addEventListener("text", (e) => {
  const data = JSON.parse(e.data);
  const el = field(data.json_path);
  if (el) {
    el.textContent += data.delta;
    el.classList.add("streaming");
  }
  status("streaming", "streaming… " + ++events + " events");
});

source.addEventListener("value", (e) => {
  const data = JSON.parse(e.data);
  const el = field(data.json_path);
  if (el) {
    el.textContent = data.json_path.endsWith(".hours") ? data.value + " h" : data.value;
    el.classList.remove("streaming");
  }
  status("streaming", "streaming… " + ++events + " events");
});

source.addEventListener("item", (e) => {
  const data = JSON.parse(e.data);
  const m = TASK.exec(data.json_path);
  if (!m) return;
  const li = task(m[1]);
  li.dataset.state = data.valid ? "valid" : "invalid";
  li.classList.add(li.dataset.state);
  li.querySelector(".mark").textContent = data.valid ? "\u2713" : "\u2717";
  if (!data.valid) {
    const p = document.createElement("p");
    p.className = "violations";
    p.textContent = data.violations.map((v) => v.json_path + " " + v.message).join("; ");
    li.appendChild(p);
  }
});

source.addEventListener("done", (e) => {
  source.close(); // or EventSource reconnects and streams the answer again
  const data = JSON.parse(e.data);
  const problems = data.violations.length;
  status("done", "done: " + (data.valid ? "valid" : problems + " violation" + (problems === 1 ? "" : "s")));
  document.getElementById("status").classList.toggle("invalid", !data.valid);
  document.querySelectorAll(".streaming").forEach((el) => el.classList.remove("streaming"));
  document.getElementById("final-json").textContent = JSON.stringify(data.value, null, 2);
  document.getElementById("final").hidden = false;
});

source.addEventListener("error", (e) => {
  source.close();
  if (e.data) {
    status("error", "error: " + JSON.parse(e.data).message);
  } else if (document.getElementById("status").dataset.state !== "done") {
    status("error", "error: the connection to the server was lost");
  }
  document.querySelectorAll(".streaming").forEach((el) => el.classList.remove("streaming"));
});
