// A model, a loss, an optimizer and a DataLoader: the PyTorch training loop, line by line.
import * as torch from "flambeau";
const { nn, optim } = torch;
const { TensorDataset, DataLoader } = torch.utils.data;

torch.manual_seed(42);
// y = 3x - 1 plus a little noise, 64 samples.
const X = torch.rand([64, 1]).mul(4).sub(2);
const Y = X.mul(3).sub(1).add(torch.randn([64, 1]).mul(0.05));
const loader = new DataLoader(new TensorDataset(X, Y), { batch_size: 16, shuffle: true, generator: new torch.Generator().manual_seed(0) });

const model = new nn.Sequential(new nn.Linear(1, 8), new nn.Tanh(), new nn.Linear(8, 1));
const loss_fn = new nn.MSELoss();
const optimizer = new optim.Adam(model.parameters(), { lr: 0.05 });

for (let epoch = 1; epoch <= 60; epoch++) {
  let total = 0;
  for (const [xb, yb] of loader) {
    const loss = loss_fn(model(xb), yb);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    total += loss.itemSync() * xb.shape[0]!;
  }
  if (epoch % 20 === 0) console.log(`epoch ${epoch}: loss ${(total / X.shape[0]!).toFixed(4)}`);
}
const prediction = torch.no_grad(() => model(torch.tensor([[1]], { dtype: torch.float32 })));
console.log(Math.abs(prediction.itemSync() - 2) < 0.2); // 3 * 1 - 1 = 2
