/** Scenario files imported as text by the page bundle (esbuild `loader: { '.yaml': 'text' }`). */
declare module '*.yaml' {
  const text: string;
  export default text;
}
