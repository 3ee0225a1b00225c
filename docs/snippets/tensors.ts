// Creating tensors, their dtype and shape, broadcasting, reductions and indexing.
import * as torch from "flambeau";

const a = torch.tensor([[1, 2, 3], [4, 5, 6]]);
console.log(a.dtype, a.shape); // a whole-number literal infers int32 (PyTorch: int64)
const f = torch.zeros([2, 3], { dtype: torch.float32 });
console.log(f.add(a).mul(0.5)); // broadcasting and type promotion, as in PyTorch
console.log(a.sum(1, { keepdim: true })); // x.sum(1, keepdim=True)
console.log(a.index(":", 1)); // a[:, 1]
console.log(a.float().mean().itemSync()); // .item() on the CPU, synchronously
const [values, indices] = a.max(1);
console.log(values, indices);
