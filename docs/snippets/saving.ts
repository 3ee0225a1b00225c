// state_dict in safetensors: save to a file, load it back into a fresh model.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as torch from "flambeau";
const { nn } = torch;

torch.manual_seed(0);
const model = new nn.Linear(3, 2);
const path = join(mkdtempSync(join(tmpdir(), "flambeau-")), "model.safetensors");
await torch.save(model.state_dict(), path); // torch.save(model.state_dict(), path)

const copy = new nn.Linear(3, 2);
console.log(String(copy.load_state_dict(await torch.load(path)))); // print(copy.load_state_dict(torch.load(path)))
const x = torch.randn([4, 3]);
console.log(torch.allclose(model(x), copy(x)));
console.log(Object.keys(model.state_dict()));
