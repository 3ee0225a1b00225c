// Fitting y = 2x + 1 with plain tensors and autograd: the README's example.
import * as torch from "flambeau";

torch.manual_seed(0);
const x = torch.arange(0, 11, { dtype: torch.float32 }).reshape(-1, 1);
const y = x.mul(2).add(1); // y = 2x + 1
const w = torch.randn([1, 1], { requires_grad: true });
const b = torch.zeros([1], { requires_grad: true });
for (let epoch = 0; epoch < 2000; epoch++) {
  const loss = x.matmul(w).add(b).sub(y).pow(2).mean(); // ((x @ w + b - y) ** 2).mean()
  loss.backward();
  torch.no_grad(() => {
    w.sub_(w.grad!.mul(0.01));
    b.sub_(b.grad!.mul(0.01));
    w.grad!.zero_();
    b.grad!.zero_();
  });
}
console.log(w.detach().round({ decimals: 2 }), b.detach().round({ decimals: 2 }));
