// Just enough of the DOM for dom.ts, so the mount can be tested in Node without a DOM library.
export class FakeText {
  readonly nodeType = 3;
  constructor(readonly data: string) {}
}

export class FakeElement {
  readonly nodeType = 1;
  readonly attributes = new Map<string, string>();
  readonly children: Array<FakeElement | FakeText> = [];
  readonly styleProps = new Map<string, string>();
  readonly style = { setProperty: (p: string, v: string) => void this.styleProps.set(p, v) };
  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument,
  ) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  appendChild<T extends FakeElement | FakeText>(child: T): T {
    this.children.push(child);
    return child;
  }
  replaceChildren(...nodes: Array<FakeElement | FakeText>): void {
    this.children.splice(0, this.children.length, ...nodes);
  }
  get innerHTML(): string {
    throw new Error('the panel must never read or write innerHTML');
  }
  set innerHTML(_v: string) {
    throw new Error('the panel must never read or write innerHTML');
  }
}

export class FakeDocument {
  createElement(tag: string): FakeElement {
    return new FakeElement(tag, this);
  }
  createTextNode(text: string): FakeText {
    return new FakeText(text);
  }
}

export function walk(node: FakeElement | FakeText, visit: (n: FakeElement | FakeText) => void): void {
  visit(node);
  if (node instanceof FakeElement) for (const c of node.children) walk(c, visit);
}
