// A GPU backend is a package of its own: importing it registers its device.
import * as torch from "flambeau";
import "@flambeau/backend-webgpu";

const device = (await torch.backends.webgpu.is_available()) ? "webgpu" : "cpu";
const x = torch.ones([128, 784], { device });
console.log(await x.sum().item()); // GPU reads are asynchronous
