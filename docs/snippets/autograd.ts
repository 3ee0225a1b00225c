// Gradients: requires_grad, backward, .grad, no_grad and torch.autograd.grad.
import * as torch from "flambeau";

const x = torch.tensor([1.0, 2.0, 3.0], { requires_grad: true });
const y = x.pow(2).sum(); // y = sum(x ** 2)
console.log(y);
y.backward();
console.log(x.grad); // dy/dx = 2x

const z = torch.no_grad(() => x.mul(2)); // with torch.no_grad(): z = x * 2
console.log(z.requires_grad);

const [g] = torch.autograd.grad(x.sin().sum(), [x]); // torch.autograd.grad(x.sin().sum(), x)
console.log(g!.sub(x.cos()).abs().max().itemSync() < 1e-6);
