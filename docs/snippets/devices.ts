// Choosing a device. The CPU is always there; a GPU backend, once imported, registers its own.
import * as torch from "flambeau";

const device = torch.device("cpu");
const x = torch.ones([2, 2], { device });
console.log(x.device.type, x.to("cpu").device.toString());
console.log(await x.sum().item()); // every device reads asynchronously
console.log(x.sum().itemSync()); // the CPU also reads synchronously
