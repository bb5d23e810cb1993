// Mark the NAS-mandatory fields (M) while the contract type is Apprenticeship,
// the yearly wage while the wage type is fixed wage as well, and a
// qualification's BTEC level or name while its type is BTEC or Other. The
// server renders the same marks for the values it sends.
(function () {
  "use strict";

  var form = document.getElementById("job-form");
  var contractType = document.getElementById("id_contract_type");
  var wageType = document.getElementById("id_wage_type");
  if (!form || !contractType) {
    return;
  }

  function setMark(label, on) {
    if (!label) {
      return;
    }
    var mark = label.querySelector("abbr.nas-mark, abbr[title='mandatory for NAS']");
    if (on && !mark) {
      mark = document.createElement("abbr");
      mark.className = "nas-mark";
      mark.title = "mandatory for NAS";
      mark.textContent = "(M)";
      label.appendChild(document.createTextNode(" "));
      label.appendChild(mark);
    } else if (!on && mark) {
      mark.remove();
    }
  }

  function update() {
    var apprenticeship = contractType.value === form.dataset.apprenticeship;
    var fixedWage = wageType && wageType.value === form.dataset.fixedWage;
    form.dataset.nasMandatory.split(" ").forEach(function (name) {
      setMark(document.querySelector("#field-" + name + " > label"), apprenticeship);
    });
    setMark(
      document.querySelector("#field-fixed_wage_yearly_amount > label"),
      apprenticeship && fixedWage
    );
    setMark(document.querySelector("#qualifications > legend"), apprenticeship);
    qualificationTypes().forEach(function (select) {
      var row = select.name.replace(/-type$/, "");
      setMark(
        document.querySelector("#field-" + row + "-level > label"),
        apprenticeship && select.value.indexOf("BTEC") !== -1
      );
      setMark(
        document.querySelector("#field-" + row + "-other_name > label"),
        apprenticeship && select.value.indexOf("Other") !== -1
      );
    });
  }

  function qualificationTypes() {
    return Array.prototype.slice.call(
      document.querySelectorAll("#qualifications select[name$='-type']")
    );
  }

  contractType.addEventListener("change", update);
  qualificationTypes().forEach(function (select) {
    select.addEventListener("change", update);
  });
  if (wageType) {
    wageType.addEventListener("change", update);
  }
})();
