/** swagger-ui-dist ships no types; this is the one function the build uses (the package's documented way to find its files). */
declare module 'swagger-ui-dist/absolute-path.js' {
  const getAbsoluteFSPath: () => string;
  export default getAbsoluteFSPath;
}
