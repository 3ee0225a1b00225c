// A model of your own extends nn.Module: layers assigned as fields are registered.
import * as torch from "flambeau";
const { nn } = torch;

class Net extends nn.Module {
  fc1 = new nn.Linear(784, 128);
  fc2 = new nn.Linear(128, 10);
  override forward(x: torch.Tensor): torch.Tensor {
    return this.fc2(torch.nn.functional.relu(this.fc1(x)));
  }
}

const net = new Net();
console.log(String(net));
console.log(net(torch.randn([32, 784])).shape);
console.log(net.parameters().length);
