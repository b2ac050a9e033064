// `npm start`: build the web app if its sources changed, then run the server.
import './ensure-web-build.js';
import '../server/main.js';
