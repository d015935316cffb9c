// No dashboard shows mathematics. Voila's page loads this in place of MathJax 2 (its page
// config's fullMathjaxUrl, share/voila/voila.py), so it takes JupyterLab's MathJax 2 plugin,
// which loads its MathJax from that address, instead of the MathJax 3 plugin, which fetches
// about 1 MB of MathJax to typeset every page. What the plugin and the widgets call of
// MathJax does nothing here.
(function () {
  const nothing = () => {};
  window.MathJax = {
    Hub: { Queue: nothing, Config: nothing, Configured: nothing, Register: { StartupHook: nothing }, config: {} },
    Ajax: {},
    InputJax: { TeX: { resetEquationNumbers: nothing } },
  };
})();
