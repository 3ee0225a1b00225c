// Fit y = 2x + 1 with gradient descent: the smallest complete Flambeau training loop.
import * as torch from "flambeau";

torch.manual_seed(0);
const x = torch.arange(0, 11, { dtype: torch.float32 }).reshape(-1, 1);
const y = x.mul(2).add(1);

const w = torch.randn([1, 1], { requires_grad: true });
const b = torch.zeros([1], { requires_grad: true });
const lr = 0.01;

for (let epoch = 1; epoch <= 500; epoch++) {
  const loss = x.matmul(w).add(b).sub(y).pow(2).mean();
  loss.backward();
  torch.no_grad(() => {
    w.sub_(w.grad.mul(lr));
    b.sub_(b.grad.mul(lr));
    w.grad.zero_();
    b.grad.zero_();
  });
  if (epoch % 50 === 0) console.log(`epoch ${epoch}, loss ${loss.itemSync().toFixed(6)}`);
}
console.log(`w = ${w.itemSync().toFixed(4)}, b = ${b.itemSync().toFixed(4)} (true: 2, 1)`);
