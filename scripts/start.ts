// `npm start`: build the web app if its sources changed, then run the server.
import '../server/runtime/keep-tick-shape.js';
import './ensure-web-build.js';
import '../server/main.js';
